select
    flow_uuid,
    result_key,
    arg_max(result_name, (last_modified_on, result_name)) filter (where result_name is not null) as result_name
from result_value_counts
group by all
