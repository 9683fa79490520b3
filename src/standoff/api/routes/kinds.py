"""The kind of each actor the network draws: state, intergovernmental body, NGO, armed group or other."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends
from pydantic import BaseModel, Field

from standoff.api.deps import AnalysisStoreDep
from standoff.api.params import event_filter
from standoff.api.responses import JSONResponse
from standoff.api.schemas import Error
from standoff.store.kinds import Kind, actor_kinds
from standoff.store.queries import EventFilter

router = APIRouter(prefix="/api", tags=["overview"])


class ActorKinds(BaseModel):
    kinds: dict[str, Kind] = Field(description="Country-level code (as /api/dyads gives them) -> its kind.")


@router.get("/actor-kinds", response_model=ActorKinds, responses={422: {"model": Error}, 503: {"model": Error}})
def kinds(store: AnalysisStoreDep, where: Annotated[EventFilter, Depends(event_filter)]) -> JSONResponse:
    """What each country-level code in the matching events stands for: a state (with everyone in it),
    an intergovernmental body (igo), an NGO, an armed group standing for itself, or other."""
    return JSONResponse({"kinds": actor_kinds(store, where)})
