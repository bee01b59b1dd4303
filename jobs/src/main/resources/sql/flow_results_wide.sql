-- flow_results_wide: one row per run, shaped like RapidPro's results export. The run columns are
-- fixed; the result columns depend on the data, so the model runner generates them from
-- int_wide_result_columns where the placeholder stands: for each (flow, result) pair,
-- "<Result> (Category) - <Flow>" and "<Result> (Value) - <Flow>", filled only on that flow's
-- runs. The generated columns read runs.result_values and run_flows.flow_index.
with

runs as (
    select * from stg_runs
),

flows as (
    select * from flow_summary
),

flow_indexes as (
    select distinct
        flow_uuid,
        flow_index
    from int_wide_result_columns
),

run_flows as (
    select
        flows.flow_uuid,
        flows.flow_name,
        flow_indexes.flow_index
    from flows
    left join flow_indexes
        on flows.flow_uuid = flow_indexes.flow_uuid
),

final as (
    select /*+ broadcast(run_flows) */
        runs.contact_uuid as `Contact UUID`,
        runs.contact_name as `Contact Name`,
        runs.contact_urn as `URN`,
        coalesce(run_flows.flow_name, runs.flow_uuid) as `Flow`,
        runs.created_on as `Started`,
        runs.modified_on as `Modified`,
        runs.exited_on as `Exited`,
        runs.run_uuid as `Run UUID`{{ result_columns }}
    from runs
    left join run_flows
        on runs.flow_uuid = run_flows.flow_uuid
)

select * from final
