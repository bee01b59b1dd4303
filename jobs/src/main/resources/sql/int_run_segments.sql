-- int_run_segments: one row per run, dimension and segment the run falls in, placed by its
-- contact's field values and groups as they are now (the API keeps no history of them).
-- A non-group dimension gives every run exactly one segment, "(unknown)" when the contact (or
-- its value) is missing; group gives one row per group of the contact, or "(no group)".
with

runs as (
    select * from stg_runs
),

contacts as (
    select * from stg_contacts
),

dimensions as (
    select * from segment_dimensions
),

field_values as (
    select
        runs.run_uuid,
        runs.flow_uuid,
        runs.exit_type,
        runs.responded,
        -- the run's start as a UTC calendar day, whatever the session time zone is
        date_from_unix_date(cast(floor(unix_seconds(runs.created_on) / 86400) as int)) as run_day,
        dimensions.dimension,
        dimensions.kind,
        dimensions.bands,
        nullif(trim(try_element_at(contacts.field_values, dimensions.field)), '') as value
    from runs
    cross join dimensions
    left join contacts
        on runs.contact_uuid = contacts.contact_uuid
    where dimensions.kind != 'group'
),

-- what the banded kinds cut: the number, or the age in whole years on the day the run started
measured as (
    select
        *,
        case kind
            when 'banded_number' then try_cast(value as double)
            when 'age_from_year' then year(run_day) - floor(try_cast(value as double))
            when 'age_from_date' then
                -- the date of birth as the workspace wrote it (its local date)
                year(run_day) - year(try_cast(substring(value, 1, 10) as date))
                - case
                    when month(run_day) * 100 + day(run_day)
                        < month(try_cast(substring(value, 1, 10) as date)) * 100
                        + day(try_cast(substring(value, 1, 10) as date))
                        then 1
                    else 0
                end
        end as measure
    from field_values
),

banded as (
    select
        *,
        try_element_at(
            filter(bands, b -> measure >= b.lo and (b.hi is null or measure < b.hi + 1)), 1
        ).label as band
    from measured
),

field_segments as (
    select
        run_uuid,
        flow_uuid,
        exit_type,
        responded,
        dimension,
        case
            when value is null then '(unknown)'
            when kind = 'text' then lower(value)
            when kind = 'location' then trim(try_element_at(split(value, ' > '), -1))
            when kind = 'year' then nullif(regexp_extract(value, '^([0-9]{4})-', 1), '')
            when measure is null then '(unknown)'
            else coalesce(band, '(other)')
        end as segment_value,
        -- bands chart in their own order, lowest first
        case when band is not null then array_position(transform(bands, b -> b.label), band) end
            as band_position
    from banded
),

group_segments as (
    select
        runs.run_uuid,
        runs.flow_uuid,
        runs.exit_type,
        runs.responded,
        dimensions.dimension,
        group_name as segment_value,
        cast(null as bigint) as band_position
    from runs
    cross join dimensions
    left join contacts
        on runs.contact_uuid = contacts.contact_uuid
    lateral view outer explode(
        array_distinct(filter(transform(contacts.groups, g -> g.name), n -> n is not null))
    ) memberships as group_name
    where dimensions.kind = 'group'
),

final as (
    select
        run_uuid,
        flow_uuid,
        exit_type,
        responded,
        dimension,
        coalesce(segment_value, '(unknown)') as segment,
        band_position
    from field_segments
    union all
    select
        run_uuid,
        flow_uuid,
        exit_type,
        responded,
        dimension,
        coalesce(segment_value, '(no group)') as segment,
        band_position
    from group_segments
)

select * from final
