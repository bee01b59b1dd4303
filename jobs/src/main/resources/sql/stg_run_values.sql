-- stg_run_values: one row per run and result key (the run's current value for that key).
with

source as (
    select * from run_values
),

renamed as (
    select
        run_uuid,
        flow_uuid,
        result_key,
        result_name,
        value,
        category,
        node_uuid,
        `time` as value_time,
        input,
        run_created_on,
        run_modified_on,
        run_exit_type
    from source
)

select * from renamed
