"""Network pages, by area. Each view: get the network through ``get_network_for`` (404 for
what the person must not know, 403 for what they may not do), validate the form, call a
service, redirect with a message — or call one selector (``network.selectors``) for what the
page shows.

- ``profile``: the network list, the profile page and PDF, editing the profile
- ``memberships``: applications and their decisions, members, ending a membership,
  representatives
- ``internal``: what members and coordinators see inside: working groups, cooperation
  agreements, measures, the audit log
"""
