"""The portal's REST API (/api/v1/), DHIS2 dataValueSets and IHE ADX exchange.

Floor 3: every read goes through regions.access and the apps' selectors, every write through
their services, so the API can do nothing a page could not.
"""
