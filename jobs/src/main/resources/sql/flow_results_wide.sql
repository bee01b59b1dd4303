-- flow_results_wide: one row per run, shaped like RapidPro's results export. The run columns are
-- fixed; the result columns depend on the data, so the model runner generates them from
-- int_wide_result_columns where the placeholder stands: for each (flow, result) pair,
-- "<Result> (Category) - <Flow>", "<Result> (Value) - <Flow>" and "<Result> (Text) - <Flow>",
-- filled only on that flow's runs.
with

runs as (
    select * from stg_runs
),

flows as (
    select * from flow_summary
),

final as (
    select /*+ broadcast(flows) */
        runs.contact_uuid as `Contact UUID`,
        runs.contact_name as `Contact Name`,
        runs.contact_urn as `URN`,
        coalesce(flows.flow_name, runs.flow_uuid) as `Flow`,
        runs.created_on as `Started`,
        runs.modified_on as `Modified`,
        runs.exited_on as `Exited`,
        runs.run_uuid as `Run UUID`{{ result_columns }}
    from runs
    left join flows
        on runs.flow_uuid = flows.flow_uuid
)

select * from final
