"""What happens when a portal's workflow is approved at its last step."""


def publish_approved(workflow_state, user=None):
    """Publish the approved revision.

    The final approval of the portal's workflow is the authority to publish
    (Art. 11, 17.1): approvers hold no direct "Publish" action (see
    ``eportal.core.models.WorkflowOnlyPermissionTester``), so the permission
    check of a direct publication is skipped here, and only here.
    """
    revision = workflow_state.content_object.get_latest_revision()
    revision.publish(user=user, skip_permission_checks=True)
