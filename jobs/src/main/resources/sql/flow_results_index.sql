-- flow_results_index: one row per column of each flow's results table (marts/flow_results/<table>),
-- in column order: the run columns, then a category and a value column per result of the flow.
-- The table's name comes from the flow uuid, never its name, so it survives a rename and stays
-- within PostgreSQL's 63 bytes. Column names are lower snake_case (no column mapping needed);
-- display_name is RapidPro's export header, for CSV headers and PostgreSQL comments.
with

flows as (
    select * from flow_summary
),

result_names as (
    select * from int_result_names
),

run_columns as (
    select
        stack(
            8,
            1, 'contact_uuid', 'Contact UUID',
            2, 'contact_name', 'Contact Name',
            3, 'urn', 'URN',
            4, 'flow_name', 'Flow',
            5, 'started', 'Started',
            6, 'modified', 'Modified',
            7, 'exited', 'Exited',
            8, 'run_uuid', 'Run UUID'
        ) as (position, column_name, display_name)
),

-- a key reduced to [a-z0-9] words joined by single underscores, cut to leave room for a suffix
-- ("__2", "_category") within 63 bytes; a key with no such character becomes "result"
sanitized as (
    select
        flow_uuid,
        result_key,
        coalesce(result_name, result_key) as result_label,
        coalesce(
            nullif(
                regexp_replace(
                    substr(regexp_replace(lower(result_key), '[^a-z0-9]+', '_'), 1, 40),
                    '^_+|_+$',
                    ''
                ),
                ''
            ),
            'result'
        ) as base_name
    from result_names
),

-- keys that sanitize alike get "__2", "__3"...: no sanitized name holds "__", so none collides
numbered as (
    select
        flow_uuid,
        result_key,
        result_label,
        case
            when row_number() over (partition by flow_uuid, base_name order by result_key) = 1
                then base_name
            else concat(
                base_name,
                '__',
                row_number() over (partition by flow_uuid, base_name order by result_key)
            )
        end as result_column,
        row_number() over (partition by flow_uuid order by result_label, result_key) as result_order
    from sanitized
),

result_columns as (
    select
        numbered.flow_uuid,
        8 + 2 * numbered.result_order - 1 as position,
        concat(numbered.result_column, '_category') as column_name,
        concat(numbered.result_label, ' (Category)') as display_name,
        numbered.result_key,
        'category' as kind
    from numbered
    union all
    select
        numbered.flow_uuid,
        8 + 2 * numbered.result_order as position,
        concat(numbered.result_column, '_value') as column_name,
        concat(numbered.result_label, ' (Value)') as display_name,
        numbered.result_key,
        'value' as kind
    from numbered
),

flow_columns as (
    select
        flows.flow_uuid,
        run_columns.position,
        run_columns.column_name,
        run_columns.display_name,
        cast(null as string) as result_key,
        'run' as kind
    from flows
    cross join run_columns
    union all
    select
        result_columns.flow_uuid,
        result_columns.position,
        result_columns.column_name,
        result_columns.display_name,
        result_columns.result_key,
        result_columns.kind
    from result_columns
    inner join flows
        on result_columns.flow_uuid = flows.flow_uuid
),

final as (
    select
        flows.flow_uuid,
        flows.flow_name,
        concat('flow_', substr(regexp_replace(lower(flows.flow_uuid), '[^a-z0-9]', '_'), 1, 58)) as table_name,
        concat('flow_results/flow_', substr(regexp_replace(lower(flows.flow_uuid), '[^a-z0-9]', '_'), 1, 58)) as location,
        flows.runs,
        cast(flow_columns.position as int) as position,
        flow_columns.column_name,
        flow_columns.display_name,
        flow_columns.result_key,
        flow_columns.kind
    from flow_columns
    inner join flows
        on flow_columns.flow_uuid = flows.flow_uuid
)

select * from final
