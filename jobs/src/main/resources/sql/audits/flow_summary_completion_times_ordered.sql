-- Completion times exist exactly when some run completed, are never negative, and the median is
-- at most the 90th percentile.
select *
from flow_summary
where (completed = 0) != (median_seconds_to_complete is null)
    or median_seconds_to_complete < 0
    or median_seconds_to_complete > p90_seconds_to_complete
    or first_started_on > last_modified_on
