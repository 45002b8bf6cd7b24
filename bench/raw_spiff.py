"""SpiffWorkflow alone, in memory, on the same diagram: the yardstick for the engine.

For each completion the workflow is restored from its full JSON (spec included), the READY
user task is completed with the same data, the engine steps run (service tasks return
'{}'), and the workflow is written back to JSON.
"""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass
from pathlib import Path

from SpiffWorkflow.bpmn.script_engine import PythonScriptEngine
from SpiffWorkflow.bpmn.workflow import BpmnWorkflow
from SpiffWorkflow.spiff.parser.process import SpiffBpmnParser
from SpiffWorkflow.util.task import TaskState

from bench.profiling import Profile
from engine.serialization import SERIALIZER
from tests.support.data import MINIMAL_PDF, pencatatan_data


class NullServiceEngine(PythonScriptEngine):
    """Plain SpiffWorkflow script engine whose service calls return an empty result."""

    def call_service(self, task, **kwargs):
        return "{}"


@dataclass
class RawResult:
    completions: int
    seconds: float
    parts: dict[str, float]

    @property
    def rate(self) -> float:
        return self.completions / self.seconds


def run_raw(instances: int, diagram: Path, process_id: str, approval: dict) -> RawResult:
    parser = SpiffBpmnParser()
    parser.add_bpmn_file(str(diagram))
    spec = parser.get_spec(process_id)
    subprocess_specs = parser.get_subprocess_specs(process_id)
    script_engine = NullServiceEngine()
    submission = pencatatan_data()
    submission["dokumen_file"] = hashlib.sha256(MINIMAL_PDF).hexdigest()
    steps = [submission, approval, approval]

    def one_instance(profile: Profile) -> None:
        with profile.part("start (new + steps + serialize)"):
            workflow = BpmnWorkflow(spec, subprocess_specs, script_engine=script_engine)
            workflow.do_engine_steps()
            state = json.dumps(SERIALIZER.to_dict(workflow))
        for data in steps:
            with profile.part("deserialize (full JSON)"):
                workflow = SERIALIZER.from_dict(json.loads(state))
                workflow.script_engine = script_engine
            with profile.part("run (task + engine steps)"):
                (task,) = workflow.get_tasks(state=TaskState.READY, manual=True)
                task.data.update(data)
                task.run()
                workflow.do_engine_steps()
            with profile.part("serialize (full JSON)"):
                state = json.dumps(SERIALIZER.to_dict(workflow))
        if not workflow.completed:
            raise SystemExit("raw SpiffWorkflow: instance did not complete")

    one_instance(Profile())  # warm-up
    profile = Profile()
    start = time.perf_counter()
    for _ in range(instances):
        one_instance(profile)
    seconds = time.perf_counter() - start
    return RawResult(3 * instances, seconds, dict(profile.totals))
