-- Order statistics are ordered (min <= p25 <= p50 <= p75 <= max) and the mean lies between min
-- and max (up to rounding of the sum).
select *
from result_numeric
where not (min <= p25 and p25 <= p50 and p50 <= p75 and p75 <= max)
    or mean < min - 1e-9 * greatest(abs(min), 1)
    or mean > max + 1e-9 * greatest(abs(max), 1)
