"""Template filters for Indonesian formats: {{ n|angka }}, {{ p|persen }}, {{ x|rupiah }},
{{ moment|waktu:province }} and {{ event.actor|who }}."""

from django import template

from regions.values import formatting

register = template.Library()
register.filter("angka", formatting.format_number)
register.filter("angka_atau", formatting.format_figure)
register.filter("persen", formatting.format_percent)
register.filter("rupiah", formatting.format_rupiah)
register.filter("singkat", formatting.format_short)
register.filter("tanggal", formatting.format_date)
register.filter("waktu", formatting.format_datetime)
register.filter("who", formatting.format_person)
