"""Checking decision tables before deployment: each parses, and every cell compiles in the sandbox.

Cells are Python expressions, not FEEL. An input entry is read the way SpiffWorkflow's
DMN engine reads it: as a value compared with `==`, as the tail of a comparison
(`> 5`, `in [...]`) or with `?` standing for the input.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

from lxml import etree
from SpiffWorkflow.dmn.parser.BpmnDmnParser import BpmnDmnParser
from SpiffWorkflow.exceptions import SpiffWorkflowException

from .sandbox.environment import check_source

if TYPE_CHECKING:
    from .validation import Problem

_QUESTION = re.compile(r"(\?)(?=(?:[^'\"]|['\"][^'\"]*['\"])*$)")


def _problem(node: etree._Element, message: str) -> Problem:
    from .validation import Problem

    return Problem(node.get("id", ""), node.get("name", "") or node.get("label", ""), message)


def decision_ids_of(dmn_files: Mapping[str, bytes]) -> set[str]:
    found: set[str] = set()
    for content in dmn_files.values():
        try:
            found |= {d.get("id") for d in etree.fromstring(content).iter("{*}decision")}
        except etree.XMLSyntaxError:
            continue
    return found


def _entry_reason(text: str) -> str | None:
    """Why an input entry would be refused, trying the readings SpiffWorkflow tries."""
    text = _QUESTION.sub("dmninputexpr", text)
    reason = check_source(text, "eval")
    if reason is None or "dmninputexpr" in text:
        return reason
    return reason if check_source(f"dmninputexpr {text}", "eval") else None


def _cells(decision: etree._Element) -> list[Problem]:
    problems = []
    for expr in decision.iter("{*}inputExpression"):
        text = (expr.findtext("{*}text") or "").strip()
        reason = check_source(text, "eval") if text else "ekspresi masukan kosong"
        if reason:
            problems.append(_problem(expr, f"ekspresi masukan `{text}`: {reason}"))
    for rule in decision.iter("{*}rule"):
        for kind, label in (("inputEntry", "sel masukan"), ("outputEntry", "sel keluaran")):
            for cell in rule.iter(f"{{*}}{kind}"):
                text = (cell.findtext("{*}text") or "").strip()
                if not text or text == "-":
                    continue
                reason = _entry_reason(text) if kind == "inputEntry" else check_source(text, "eval")
                if reason:
                    problems.append(_problem(rule, f"{label} `{text}`: {reason}"))
    return problems


def check_decisions(dmn_files: Mapping[str, bytes]) -> list[Problem]:
    """Every problem of the decision tables, each naming the table or its rule."""
    from .validation import Problem

    problems: list[Problem] = []
    for name, content in dmn_files.items():
        try:
            root = etree.fromstring(content)
            parser = BpmnDmnParser()
            parser.add_dmn_xml(root, filename=name)
            for decision in root.iter("{*}decision"):
                parser.get_engine(decision.get("id"), None)
        except etree.XMLSyntaxError as err:
            problems.append(Problem(name, "", f"tabel keputusan bukan XML yang sah ({err.msg})"))
            continue
        except (SpiffWorkflowException, KeyError, AttributeError, TypeError, ValueError) as err:
            problems.append(Problem(name, "", f"tabel keputusan tidak dapat dibaca ({err})"))
            continue
        for decision in root.iter("{*}decision"):
            problems += _cells(decision)
    return problems
