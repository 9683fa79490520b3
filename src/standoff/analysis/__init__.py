"""Analysis of stored events: dyad series, a tension index, surge alerts, and a back-tested forecast.

Modules are imported where used (they load pandas, and statsmodels or matplotlib when needed).
"""
