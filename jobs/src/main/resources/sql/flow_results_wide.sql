-- flow_results_wide: one row per run, shaped like RapidPro's results export. The run columns are
-- fixed; the result columns depend on the data, so the model runner generates them from
-- int_wide_result_columns where the placeholder stands: for each (flow, result) pair,
-- "<Result> (Category) - <Flow>" and "<Result> (Value) - <Flow>", filled only on that flow's
-- runs. The generated columns read result_values and flow_index of the clustered runs below.
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

flow_runs as (
    select /*+ broadcast(run_flows) */
        runs.*,
        coalesce(run_flows.flow_name, runs.flow_uuid) as flow_label,
        run_flows.flow_index
    from runs
    left join run_flows
        on runs.flow_uuid = run_flows.flow_uuid
),

-- each file holds one flow's runs together, so a result column is one long run of nulls with one
-- block of values: Parquet writes and stores that far more cheaply than values scattered 1 in 50
clustered as (
    select * from flow_runs
    sort by flow_index
),

final as (
    select
        contact_uuid as `Contact UUID`,
        contact_name as `Contact Name`,
        contact_urn as `URN`,
        flow_label as `Flow`,
        created_on as `Started`,
        modified_on as `Modified`,
        exited_on as `Exited`,
        run_uuid as `Run UUID`{{ result_columns }}
    from clustered
)

select * from final
