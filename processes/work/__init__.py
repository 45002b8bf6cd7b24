"""The user's work on tasks: the runtime wired with every area, starting a submission,
the task page, completing a task, which flows a record offers now, the submission summary
for approvers, and waking instances whose timers are due.
"""
