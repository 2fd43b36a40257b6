from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from participants.rules.forms import PlaceMonthForm


class FollowUpFilterForm(PlaceMonthForm):
    terbuka = forms.BooleanField(label=_("Open only"), required=False)


class FollowUpOpenForm(forms.Form):
    count = forms.IntegerField(min_value=1, max_value=2**62, widget=forms.HiddenInput)
    comment = forms.CharField(label=_("Comment"), max_length=1000, widget=forms.Textarea)
    next = forms.CharField(required=False, max_length=500, widget=forms.HiddenInput)


class FollowUpCloseForm(forms.Form):
    followup = forms.IntegerField(min_value=1, max_value=2**62, widget=forms.HiddenInput)
    comment = forms.CharField(label=_("Closing comment"), max_length=1000, widget=forms.Textarea)
