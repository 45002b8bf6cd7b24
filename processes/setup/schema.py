"""The whole schema: every area's tables, for migrations and for emptying test databases."""

from engine import EngineBase
from processes.access import models as access_models
from processes.accounts import models as accounts_models
from processes.db import audit as audit_models
from processes.db.base import DomainBase
from processes.letters import models as letters_models
from processes.records import award_models, offence_counts, personnel_models
from processes.records import models as records_models
from processes.reference import models as reference_models
from processes.work import heartbeat

#: Imported so that their tables belong to DomainBase.metadata.
AREA_MODELS = (audit_models, accounts_models, reference_models, records_models, offence_counts,
               personnel_models, award_models, access_models, letters_models,
               heartbeat)

METADATA = [EngineBase.metadata, DomainBase.metadata]
