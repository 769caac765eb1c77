"""Record forms, dialogs and wizards of the desktop (learners, companies, contracts, approvals,
incentives, conflicts). Open one through :func:`offa_desktop.ui.forms.registry.open_record`."""
