-- flowlake's flow_results_index in DuckDB, same definitions (docs/marts.md): one row per column of
-- each flow's results table, run columns first, then a category and a value column per result.
with

run_columns as (
    select * from (values
        (1, 'contact_uuid', 'Contact UUID'),
        (2, 'contact_name', 'Contact Name'),
        (3, 'urn', 'URN'),
        (4, 'flow_name', 'Flow'),
        (5, 'started', 'Started'),
        (6, 'modified', 'Modified'),
        (7, 'exited', 'Exited'),
        (8, 'run_uuid', 'Run UUID')
    ) as fixed (position, column_name, display_name)
),

sanitized as (
    select
        flow_uuid,
        result_key,
        coalesce(result_name, result_key) as result_label,
        coalesce(
            nullif(trim(substr(regexp_replace(lower(result_key), '[^a-z0-9]+', '_', 'g'), 1, 40), '_'), ''),
            'result'
        ) as base_name
    from result_names
),

numbered as (
    select
        flow_uuid,
        result_key,
        result_label,
        case
            when row_number() over (partition by flow_uuid, base_name order by result_key) = 1 then base_name
            else base_name || '__' || row_number() over (partition by flow_uuid, base_name order by result_key)
        end as result_column,
        row_number() over (partition by flow_uuid order by result_label, result_key) as result_order
    from sanitized
),

flow_columns as (
    select flow_summary.flow_uuid, position, column_name, display_name, null::varchar as result_key, 'run' as kind
    from flow_summary cross join run_columns
    union all
    select flow_uuid, 7 + 2 * result_order, result_column || '_category', result_label || ' (Category)', result_key, 'category'
    from numbered
    union all
    select flow_uuid, 8 + 2 * result_order, result_column || '_value', result_label || ' (Value)', result_key, 'value'
    from numbered
),

final as (
    select
        flow_summary.flow_uuid,
        flow_summary.flow_name,
        'flow_' || substr(regexp_replace(lower(flow_summary.flow_uuid), '[^a-z0-9]', '_', 'g'), 1, 58) as table_name,
        'flow_results/flow_' || substr(regexp_replace(lower(flow_summary.flow_uuid), '[^a-z0-9]', '_', 'g'), 1, 58) as location,
        flow_summary.runs,
        flow_columns.position::integer as position,
        flow_columns.column_name,
        flow_columns.display_name,
        flow_columns.result_key,
        flow_columns.kind
    from flow_columns
    inner join flow_summary on flow_columns.flow_uuid = flow_summary.flow_uuid
)

select * from final
