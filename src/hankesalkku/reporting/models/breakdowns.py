"""Breakdowns of participant indicators (ESF+ Annex I: gender, age group, education) and the
questions a call asks in its final reports.

Breakdowns are reference data (`data/esf_breakdowns.csv`), like the common indicators: which
categories a breakdown has and which indicator takes it are the regulation's word, not a
call's. A report's value of such an indicator keeps one figure per category beside its total,
so the funder can report the categories on without asking the projects again.

A final report question is the call's own (e.g. how the work goes on after the project): its
answers are narratives printed in the impact study beside the framework's results.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from hankesalkku.core.models import Versioned


class Breakdown(models.Model):
    slug = models.SlugField(_("tunniste"), unique=True)
    name = models.CharField(_("nimi"), max_length=100)
    order = models.PositiveSmallIntegerField(_("järjestys"), default=0)

    class Meta:
        ordering = ["order", "slug"]
        verbose_name = _("jaottelu")
        verbose_name_plural = _("jaottelut")

    def __str__(self):
        return self.name


class BreakdownCategory(models.Model):
    breakdown = models.ForeignKey(
        Breakdown, verbose_name=_("jaottelu"), on_delete=models.CASCADE, related_name="categories"
    )
    slug = models.SlugField(_("tunniste"))
    name = models.CharField(_("nimi"), max_length=100)
    order = models.PositiveSmallIntegerField(_("järjestys"), default=0)

    class Meta:
        ordering = ["breakdown__order", "order"]
        verbose_name = _("jaottelun luokka")
        verbose_name_plural = _("jaottelun luokat")
        constraints = [
            models.UniqueConstraint(fields=["breakdown", "slug"], name="one_category_per_slug")
        ]

    def __str__(self):
        return f"{self.breakdown}: {self.name}"


class ReportBreakdownValue(models.Model):
    """One category's figure of one report value (e.g. of 120 participants, 70 women)."""

    value = models.ForeignKey(
        "reporting.ReportValue",
        verbose_name=_("raportin arvo"),
        on_delete=models.CASCADE,
        related_name="breakdown_values",
    )
    category = models.ForeignKey(
        BreakdownCategory,
        verbose_name=_("jaottelun luokka"),
        on_delete=models.PROTECT,
        related_name="values",
    )
    number = models.PositiveIntegerField(_("määrä"))

    class Meta:
        ordering = ["value", "category__breakdown__order", "category__order"]
        verbose_name = _("jaoteltu arvo")
        verbose_name_plural = _("jaotellut arvot")
        constraints = [
            models.UniqueConstraint(fields=["value", "category"], name="one_figure_per_category")
        ]

    def __str__(self):
        return f"{self.category}: {self.number}"


class FinalReportQuestion(Versioned):
    call = models.ForeignKey(
        "programmes.Call",
        verbose_name=_("haku"),
        on_delete=models.CASCADE,
        related_name="final_report_questions",
    )
    order = models.PositiveSmallIntegerField(_("järjestys"), default=1)
    text = models.CharField(_("kysymys"), max_length=300)

    class Meta:
        ordering = ["call", "order", "pk"]
        verbose_name = _("loppuraportin kysymys")
        verbose_name_plural = _("loppuraportin kysymykset")

    def __str__(self):
        return self.text


class FinalReportAnswer(models.Model):
    report = models.ForeignKey(
        "reporting.Report",
        verbose_name=_("raportti"),
        on_delete=models.CASCADE,
        related_name="answers",
    )
    question = models.ForeignKey(
        FinalReportQuestion,
        verbose_name=_("kysymys"),
        on_delete=models.PROTECT,
        related_name="answers",
    )
    text = models.TextField(_("vastaus"), blank=True)

    class Meta:
        ordering = ["report", "question__order", "question__pk"]
        verbose_name = _("loppuraportin vastaus")
        verbose_name_plural = _("loppuraportin vastaukset")
        constraints = [
            models.UniqueConstraint(fields=["report", "question"], name="one_answer_per_question")
        ]

    def __str__(self):
        return f"{self.question}: {self.text[:40]}"
