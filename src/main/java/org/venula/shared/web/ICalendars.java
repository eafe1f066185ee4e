package org.venula.shared.web;

import java.io.StringWriter;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/** The one place Venula starts and prints iCalendar documents (ical4j): feeds, reminders, aftercare plans. */
public final class ICalendars {

    private ICalendars() {
    }

    /** An empty iCalendar (version 2.0, Gregorian) with Venula's product id. */
    public static Calendar newCalendar(String what) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Venula//" + what + "//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        return calendar;
    }

    public static String text(Calendar calendar) {
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString();
    }
}
