/*
 * django-recurrence's scripts call django.jQuery. Django admin's jquery.init.js would provide it,
 * but it does `window.django = {jQuery: ...}`, which throws away window.django.gettext and the
 * catalogue that Wagtail's admin scripts look up at run time (they read window.django?.gettext),
 * so Wagtail's own strings would fall back to English after it ran. Wagtail's admin already
 * loads jQuery as window.jQuery; this lends it to django-recurrence and keeps window.django.
 * Loaded by sites.widgets.ScheduleRecurrenceWidget, after the catalogue and before recurrence.js.
 */
(function () {
  "use strict";
  window.django = window.django || {};
  if (!window.django.jQuery) {
    if (!window.jQuery) {
      console.error("ScheduleRecurrenceWidget: no jQuery on this page (it expects Wagtail's admin).");
      return;
    }
    window.django.jQuery = window.jQuery;
  }
})();
