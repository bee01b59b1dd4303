-- int_wide_result_columns: the (flow, result) pairs that become flow_results_wide's result
-- columns. The only model whose rows reach the driver (one row per pair). flow_index numbers the
-- flows in column order, so the wide pivot compares one integer per column, not a uuid string.
with

result_names as (
    select * from int_result_names
),

flows as (
    select * from flow_summary
),

labelled as (
    select
        result_names.flow_uuid,
        coalesce(flows.flow_name, result_names.flow_uuid) as flow_label,
        result_names.result_key,
        coalesce(result_names.result_name, result_names.result_key) as result_label
    from result_names
    left join flows
        on result_names.flow_uuid = flows.flow_uuid
),

final as (
    select
        flow_uuid,
        dense_rank() over (order by flow_label, flow_uuid) as flow_index,
        flow_label,
        result_key,
        result_label
    from labelled
)

select * from final
