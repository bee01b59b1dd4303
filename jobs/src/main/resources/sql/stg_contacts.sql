-- stg_contacts: one row per contact, the parts segments read: kept field values and groups.
-- The lake's merge keeps one row per contact uuid; a deleted contact is not in it.
with

source as (
    select * from contacts
),

renamed as (
    select
        uuid as contact_uuid,
        fields as field_values,
        groups
    from source
)

select * from renamed
