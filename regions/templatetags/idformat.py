"""Template filters for Indonesian formats: {{ n|angka }}, {{ p|persen }}, {{ x|rupiah }}."""

from django import template

from regions.values import formatting

register = template.Library()
register.filter("angka", formatting.format_number)
register.filter("persen", formatting.format_percent)
register.filter("rupiah", formatting.format_rupiah)
register.filter("singkat", formatting.format_short)
register.filter("tanggal", formatting.format_date)
