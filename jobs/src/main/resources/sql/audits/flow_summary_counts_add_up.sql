-- Every run is in exactly one state: ongoing + completed + interrupted + expired + failed = runs.
-- A run with an exit type RapidPro does not send would break this; so would a responded count
-- above the runs.
select *
from flow_summary
where ongoing + completed + interrupted + expired + failed != runs
    or responded > runs
    or runs < 1
