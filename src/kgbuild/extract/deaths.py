"""Deaths: when each person or group who died in an incident died (`diedOn`).

Who died in which incident (`diedIn`) is set as the incidents are read, so that a later
"отдали свои жизни" can be told apart from a new death; the date is known only once the
dates have flowed through the compound incidents.
"""

from __future__ import annotations

from ..model import Incident
from .context import Context


def record_deaths(ctx: Context, incidents: list[Incident]) -> None:
    by_key = {i.key: i for i in incidents}
    for item in ctx.facts.persons + ctx.facts.groups:
        incident = by_key.get(item.died_in or "")
        if incident is not None and item.died_on is None:
            item.died_on = incident.date
