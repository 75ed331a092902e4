"""Turning the values a person accepted into records, each citing the sentence it came from.

Every group of writes (one organisation, the project, the decision, the financing of one
application, one commitment) runs in its own savepoint: a figure that breaks a rule (financing
that does not add up) leaves its values unwritten with the Finnish message, and the rest of
the document is still applied. Rejected and unchecked values write nothing.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hankesalkku.core.services import save_validated, service
from hankesalkku.decisions.models import Commitment, Decision
from hankesalkku.decisions.services import commitment_create, decision_create, decision_update
from hankesalkku.organisations.models import BudgetItem, District
from hankesalkku.organisations.services import budget_item_get_or_create, organisation_create
from hankesalkku.programmes.models import Call, SpecificObjective
from hankesalkku.projects.models import Application, ProjectKind
from hankesalkku.projects.services import (
    application_financing_set,
    project_entity_create,
    project_entity_update,
)

from ..conversions import (
    decision_maker_kind_guess,
    decision_value,
    entity_field,
    organisation_type_guess,
)
from ..matching import (
    APPLICATION_AMOUNTS,
    DECISION_FIELDS,
    ENTITY_AMOUNTS,
    ENTITY_FIELDS,
    OrganisationIndex,
    parse_amount,
    parse_date,
    rematch,
)
from ..models import ExtractedValue, Extraction
from .apply_bookkeeping import Applier

DECISION_KINDS = {"decision", "agenda_item", "funding_decision"}
_GROUP_ROLES = {"lead_coordinator", "co_implementer"}
_PURPOSES = {"own_financing": "own_financing", "municipal_financing": "municipal_financing"}


class _Apply(Applier):
    """The steps, in the order `extraction_apply` runs them; each writes through `step`."""

    # -- steps -------------------------------------------------------------------------------
    def organisations(self, index: OrganisationIndex) -> None:
        for value in self.accepted("organisation"):

            def write(value=value):
                org = value.organisation
                if value.status == ExtractedValue.Status.CORRECTED or org is None:
                    org = index.find(value.effective_value)
                if org is None:
                    name = value.effective_value
                    org = organisation_create(
                        actor=self.actor,
                        name=name,
                        organisation_type=organisation_type_guess(name),
                    )
                    self.cite(value, org, "name")
                else:
                    self.cite(value, org, reference=False)
                value.organisation = org

            self.step([value], write)

    def entity(self) -> None:
        fields = self.accepted("field", ENTITY_FIELDS)
        amounts = self.accepted("amount", ENTITY_AMOUNTS)
        if not fields and not amounts:
            return
        extraction = self.extraction

        def write():
            updates: dict = {}
            for value in fields:
                updates.update(entity_field(value))
            for value in amounts:
                attr = ENTITY_AMOUNTS[value.name]
                updates[attr] = parse_amount(value.effective_value)
                updates[f"{attr}_qualifier"] = value.qualifier or "exact"
            entity = extraction.entity
            if entity is not None:
                project_entity_update(actor=self.actor, entity=entity, **updates)
            else:
                name = updates.pop("name", None)
                if not name:
                    raise ValidationError(
                        _(
                            "Hanketta ei ole valittu eikä hankkeen nimeä ole vahvistettu; valitse "
                            "hanke tai vahvista sen nimi."
                        )
                    )
                entity = project_entity_create(
                    actor=self.actor, name=name, kind=self._project_kind(), **updates
                )
                extraction.entity = entity
            for value in fields:
                self.cite(value, entity, ENTITY_FIELDS[value.name])
            for value in amounts:
                self.cite(value, entity, ENTITY_AMOUNTS[value.name])

        self.step(fields + amounts, write)

    def _project_kind(self) -> str:
        group = any(v.name in _GROUP_ROLES for v in self.all_values) or any(
            v.name in ("part_total", "part_support") for v in self.all_values
        )
        return ProjectKind.GROUP if group else ProjectKind.SINGLE

    def decision(self) -> None:
        values = self.accepted("field", DECISION_FIELDS)
        if not values:
            return
        extraction = self.extraction
        attrs = {DECISION_FIELDS[v.name]: decision_value(v) for v in values}

        def write():
            decision = extraction.decision
            if decision is not None:
                decision_update(actor=self.actor, decision=decision, **attrs)
            else:
                decision = self._new_decision(attrs)
                extraction.decision = decision
            entity = extraction.entity
            if entity is not None and not decision.project_entities.filter(pk=entity.pk).exists():
                subjects = [*decision.project_entities.all(), entity]
                decision_update(actor=self.actor, decision=decision, project_entities=subjects)
            for value in values:
                self.cite(value, decision, DECISION_FIELDS[value.name])

        self.step(values, write)

    def _new_decision(self, attrs: dict) -> Decision:
        if self.extraction.kind not in DECISION_KINDS:
            raise ValidationError(
                _(
                    "Asiakirja ei ole päätös eikä vastaavaa päätöstä löytynyt; päätöksen tietoja ei "
                    "tallennettu."
                )
            )
        labels = {
            "date": _("päivämäärä"),
            "decision_maker": _("päätöksentekijä"),
            "title": _("otsikko"),
        }
        missing = [label for attr, label in labels.items() if not attrs.get(attr)]
        if missing:
            raise ValidationError(
                _("Päätöstä ei voi luoda: vahvista ensin %(missing)s.")
                % {"missing": ", ".join(missing)}
            )
        if self.extraction.organisation is None:
            raise ValidationError(_("Valitse päätöksen tehnyt organisaatio."))
        attrs = dict(attrs)
        return decision_create(
            actor=self.actor,
            organisation=self.extraction.organisation,
            title=attrs.pop("title"),
            date=attrs.pop("date"),
            decision_maker=attrs["decision_maker"],
            decision_maker_kind=decision_maker_kind_guess(attrs.pop("decision_maker")),
            stage="proposal" if self.extraction.kind == "agenda_item" else "decided",
            **attrs,
        )

    def financing(self) -> None:
        application: Application | None = self.extraction.application
        values = self.accepted("amount", APPLICATION_AMOUNTS)
        if application is None or not values:
            return
        amounts: dict = {}
        for value in values:
            attr = APPLICATION_AMOUNTS[value.name]
            amounts.setdefault(attr, parse_amount(value.effective_value))
            amounts.setdefault(f"{attr}_qualifier", value.qualifier or "exact")

        def write():
            application_financing_set(actor=self.actor, application=application, **amounts)
            for value in values:
                self.cite(value, application, APPLICATION_AMOUNTS[value.name])

        self.step(values, write)

    def commitments(self) -> None:
        # Also the figures just written to an application: own financing from a budget item
        # is both the application's share and the payer's commitment.
        for value in self.values:
            if value.group != "amount" or not value.budget_item or value.name in ENTITY_AMOUNTS:
                continue
            if value.is_applied and self.extraction.decision is None:
                continue  # written to the application; no decision to commit it with
            self.step([value], lambda value=value: self._commitment(value))

    def _commitment(self, value: ExtractedValue) -> None:
        extraction = self.extraction
        payer, decision, entity = extraction.organisation, extraction.decision, extraction.entity
        if payer is None or decision is None or entity is None:
            raise ValidationError(
                _(
                    "Sitoumus tarvitsee päätöksen, hankkeen ja maksajan: vahvista päätöksen ja "
                    "hankkeen tiedot ja valitse päätöksen tehnyt organisaatio."
                )
            )
        item = BudgetItem.objects.filter(organisation=payer, code=value.budget_item).first()
        item = item or budget_item_get_or_create(
            actor=self.actor,
            organisation=payer,
            code=value.budget_item,
            name=_("Talousarviokohta %(code)s") % {"code": value.budget_item},
        )
        party = value.organisation
        beneficiary = party if party is not None and party.top.pk != payer.top.pk else None
        amount = parse_amount(value.effective_value)
        # The same payer, budget item, project and amount is the same commitment, whichever
        # decision (or copy of it) it was read from.
        commitment = Commitment.objects.filter(
            payer=payer, entity=entity, budget_item=item, amount=amount
        ).first() or commitment_create(
            actor=self.actor,
            decision=decision,
            payer=payer,
            entity=entity,
            amount=amount,
            purpose=_PURPOSES.get(value.name, "project_costs"),
            qualifier=value.qualifier or "exact",
            budget_item=item,
            beneficiary=beneficiary,
            starts_year=entity.starts.year if entity.starts else None,
            ends_year=entity.ends.year if entity.ends else None,
        )
        self.cite(value, commitment, "amount")

    def calls_and_districts(self) -> None:
        for value in self.accepted("call"):
            self.step([value], lambda value=value: self._call(value))
        for value in self.accepted("district"):
            self.step([value], lambda value=value: self._district(value))

    def _call(self, value: ExtractedValue) -> None:
        details = value.details or {}
        opens, closes = (
            parse_date(details.get("opens") or ""),
            parse_date(details.get("closes") or ""),
        )
        call = Call.objects.filter(opens=opens, closes=closes).first() if opens and closes else None
        if call is None:
            raise ValidationError(
                _(
                    "Hakua, joka on auki %(value)s, ei löytynyt; lisää haku ensin ohjelman tietoihin."
                )
                % {"value": value.effective_value}
            )
        self.cite(value, call, "budget" if details.get("budget_eur") else "")

    def _district(self, value: ExtractedValue) -> None:
        district = District.objects.filter(name__iexact=value.effective_value).first()
        if district is None:
            raise ValidationError(
                _("Kaupunginosaa %(name)s ei löytynyt.") % {"name": value.effective_value}
            )
        self.cite(value, district)

    def other_fields(self, index: OrganisationIndex) -> None:
        entity = self.extraction.entity
        for value in self.accepted("field"):
            if value.is_applied or value.error:
                continue
            self.step([value], lambda value=value: self._other(value, entity, index))

    def _other(self, value: ExtractedValue, entity, index: OrganisationIndex) -> None:
        if entity is not None and value.name == "specific_objective":
            objective = SpecificObjective.objects.filter(code=value.effective_value).first()
            if objective is not None:
                project_entity_update(actor=self.actor, entity=entity, specific_objective=objective)
                self.cite(value, entity, "specific_objective")
                return
        if entity is not None and value.name == "funding_authority":
            authority = index.find(value.effective_value)
            if authority is not None:
                project_entity_update(actor=self.actor, entity=entity, funding_authority=authority)
                self.cite(value, entity, "funding_authority")
                return
        raise ValidationError(
            _("Tälle tiedolle ei ole tietuetta, johon se tallennettaisiin; se näkyy asiakirjassa.")
        )

    def leftover_amounts(self) -> None:
        for value in self.accepted("amount"):
            if not value.is_applied and not value.error:
                value.error = _(
                    "Summalle ei ole kohdetta: valitse hakemus, jolle rahoitus kirjataan, tai "
                    "hylkää summa."
                )


@service
def extraction_apply(*, actor, extraction: Extraction) -> Extraction:
    """Write the accepted values into records; the values keep links to what they wrote."""
    with transaction.atomic():
        extraction = (
            Extraction.objects.select_for_update(of=("self",))
            .select_related(
                "document",
                "organisation",
                "decision",
                "entity",
                "application__entity",
            )
            .get(pk=extraction.pk)
        )
        values = [
            v
            for v in extraction.values.select_related("organisation")
            if v.is_accepted and not v.is_applied
        ]
        for value in values:
            value.error = ""
        rematch(extraction, values)
        run = _Apply(actor, extraction, values)
        index = OrganisationIndex()
        run.organisations(index)
        run.entity()
        run.decision()
        run.financing()
        run.commitments()
        run.calls_and_districts()
        run.other_fields(index)
        run.leftover_amounts()
        ExtractedValue.objects.bulk_update(
            values, ["record_type", "record_id", "reference", "error", "organisation"]
        )
        extraction.applied = timezone.now()
        save_validated(extraction, update_fields=["applied", "decision", "entity", "application"])
    return extraction
