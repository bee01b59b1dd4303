-- The runs that ended at a node are split by how they ended, and are among those that reached it.
select *
from node_dropoff
where ongoing + interrupted + expired + failed != runs_ended_here
    or runs_ended_here > runs_reached
