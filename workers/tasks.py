"""Thin Celery tasks: each takes ids and calls a plain function in ``web.services``."""
from celery import shared_task
from sqlalchemy.exc import OperationalError

from web.services import mail, match_runs, offers, task_queue

RETRY = {"retry_backoff": 2, "retry_backoff_max": 120, "retry_jitter": True, "max_retries": 6}


@shared_task(
    name=task_queue.TASK_RUN_MATCH, bind=True, autoretry_for=(OperationalError,), **RETRY
)
def run_match(self, run_id: int) -> str:
    return match_runs.run_matching(run_id, task_id=self.request.id)


@shared_task(
    name=task_queue.TASK_SEND_MAIL, autoretry_for=(mail.MailError, OperationalError), **RETRY
)
def send_mail(mail_id: int) -> str:
    return mail.deliver_mail(mail_id)


@shared_task(name=task_queue.TASK_WEEKLY_MATCH, autoretry_for=(OperationalError,), **RETRY)
def weekly_match() -> list[int]:
    return match_runs.start_weekly_runs()


@shared_task(name=task_queue.TASK_SWEEP, autoretry_for=(OperationalError,), **RETRY)
def sweep() -> dict:
    return offers.sweep()
