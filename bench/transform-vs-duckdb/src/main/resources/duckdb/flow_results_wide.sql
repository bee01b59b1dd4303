with

run_flows as (
    select flow_summary.flow_uuid, flow_summary.flow_name, flow_indexes.flow_index
    from flow_summary
    left join (select distinct flow_uuid, flow_index from wide_result_columns) as flow_indexes
        on flow_summary.flow_uuid = flow_indexes.flow_uuid
),

final as (
    select
        runs.contact_uuid as "Contact UUID",
        runs.contact_name as "Contact Name",
        runs.contact_urn as "URN",
        coalesce(run_flows.flow_name, runs.flow_uuid) as "Flow",
        runs.created_on as "Started",
        runs.modified_on as "Modified",
        runs.exited_on as "Exited",
        runs.uuid as "Run UUID"{{ result_columns }}
    from runs
    left join run_flows on runs.flow_uuid = run_flows.flow_uuid
)

select * from final
