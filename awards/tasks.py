"""Thin Celery wrappers: they take ids and call a domain function."""

from celery import shared_task

from awards import notifications


@shared_task(soft_time_limit=30, time_limit=60)
def send_proposal_notification(proposal_id, event):
    return notifications.proposal_notify(proposal_id=proposal_id, event=event)


@shared_task(soft_time_limit=120, time_limit=180)
def send_deadline_reminders():
    return notifications.send_deadline_reminders()
