"""Shubbak (شبّاك): the window between service centres, agencies, citizens and the monitoring office.

Layers, one direction of imports: ``domain`` <- ``services`` <- ``adapters`` / ``api`` <- ``handlers``;
``bootstrap`` is the one composition root and ``local`` the local stack (never packaged).
"""
