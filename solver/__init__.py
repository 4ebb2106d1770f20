"""The pooling solver: plain Python and OR-Tools CP-SAT, with its own input and output.

`pooling.planning` translates a scenario into an `Instance` and the `Solution` back into a
plan; nothing here knows about files, databases or the web.
"""

from solver.engine import solve
from solver.instance import (Instance, Person, Pins, Previous, Request, Room, RoomNeed, Rules,
                             Site, Slot, StaffLine, Task, Unit)
from solver.pins import PinConflict
from solver.rosters import RosterConflict
from solver.solution import Placement, Progress, Reason, Solution, Unplaced

__all__ = ["Instance", "Person", "PinConflict", "Pins", "Placement", "Previous", "Progress",
           "Reason", "Request", "Room", "RoomNeed", "RosterConflict", "Rules", "Site", "Slot",
           "Solution", "StaffLine", "Task", "Unit", "Unplaced", "solve"]
