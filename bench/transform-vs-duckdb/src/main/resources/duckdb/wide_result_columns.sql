select
    result_names.flow_uuid,
    dense_rank() over (order by coalesce(flow_summary.flow_name, result_names.flow_uuid), result_names.flow_uuid) as flow_index,
    coalesce(flow_summary.flow_name, result_names.flow_uuid) as flow_label,
    result_names.result_key,
    coalesce(result_names.result_name, result_names.result_key) as result_label
from result_names
left join flow_summary on result_names.flow_uuid = flow_summary.flow_uuid
