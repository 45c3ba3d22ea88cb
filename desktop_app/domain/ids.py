"""Identifiers crossing layers are typed, never bare ints."""

from __future__ import annotations

from typing import NewType

UserId = NewType("UserId", int)
RequestId = NewType("RequestId", int)
ReportId = NewType("ReportId", int)
ProvisionId = NewType("ProvisionId", int)
DesignationId = NewType("DesignationId", int)
EvidenceId = NewType("EvidenceId", int)
InspectionId = NewType("InspectionId", int)
