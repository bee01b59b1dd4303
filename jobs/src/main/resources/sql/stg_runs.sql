-- stg_runs: one row per run, the lake's runs table with model-friendly names.
-- No deduplication here: the lake's merge already keeps one row per run uuid (newest wins).
with

source as (
    select * from runs
),

renamed as (
    select
        uuid as run_uuid,
        flow_uuid,
        flow_name,
        contact_uuid,
        contact_name,
        contact_urn,
        responded,
        path,
        path_length,
        last_node,
        `values` as result_values,
        created_on,
        modified_on,
        exited_on,
        exit_type,
        source as record_source
    from source
)

select * from renamed
