package io.switchboard.policy;

import io.switchboard.policy.calendar.BusinessCalendar;
import io.switchboard.policy.calendar.CalendarSpec;
import io.switchboard.policy.rules.Classification;
import io.switchboard.policy.rules.ItemAttributes;
import io.switchboard.policy.rules.RuleSet;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After warm-up, classifying items and querying calendars allocate nothing on the calling thread.
 */
class PolicyZeroAllocationTest
{
    private static final int ITEMS = 1_000_000;

    private static final String KEYWORD_RULES = String.join("\n",
        "rule hardware: caseType == \"Problem\" && subject ~ \"hardware|device|laptop|printer\" -> queue hardware",
        "rule software: caseType == \"Problem\" && subject ~ \"software|application|login|password\" -> queue software",
        "rule vip: account.type == \"VIP\" -> queue vip, priority high, profile senior, skill english >= 2",
        "rule stop: channel == \"sms\" && body ~ \"\\bSTOP\\b\" -> end opt-out",
        "rule billing: channel == \"sms\" && body contains \"BILLING\" -> queue billing, set source = \"sms\"",
        "rule ivr: channel == \"voice\" && ivr.digit in (1, 2, 3) && !(wait > 300) -> queue sales",
        "rule chat: channel == \"chat\" -> split tier1 70%, tier2 30%",
        "fallback queue tier1");

    private static final String REGEX_RULES = String.join("\n",
        "rule order: subject ~ \"order #?\\d{6}\" -> queue orders",
        "rule phone: phone ~ \"^\\+1[0-9]{10}$\" -> queue us",
        "fallback queue tier1");

    private static final String[] CASE_TYPES = {"Problem", "Question", "Request"};
    private static final String[] SUBJECTS = {"My laptop is broken", "Cannot login", "Invoice copy please",
        "Where is order #123456?", "printer offline", "question about order 99"};
    private static final String[] ACCOUNTS = {"Standard", "VIP", "Premium"};
    private static final String[] CHANNELS = {"sms", "chat", "voice", "email"};
    private static final String[] BODIES = {"HELP", "billing question", "stop", "hello there"};
    private static final String[] PHONES = {"+18005551234", "+448005551234", "+1800"};

    @Test
    void classifyingAMillionItemsAllocatesZeroBytesOnTheKeywordPath()
    {
        final RuleSet rules = RuleSet.compile(KEYWORD_RULES);
        assertThat(rules.regexCount()).isZero();
        final Classifier classifier = new Classifier(rules);
        classifier.run(ITEMS);

        final long before = Allocations.allocatedBytes();
        classifier.run(ITEMS);
        final long allocated = Allocations.allocatedBytes() - before;

        assertThat(classifier.routed).isGreaterThan(ITEMS);
        assertThat(allocated).as("bytes allocated by %d classifications", ITEMS).isZero();
    }

    @Test
    void classifyingWithReusedRegexMatchersAllocatesZeroBytesForThesePatterns()
    {
        final RuleSet rules = RuleSet.compile(REGEX_RULES);
        assertThat(rules.regexCount()).isEqualTo(2);
        final Classifier classifier = new Classifier(rules);
        classifier.run(ITEMS);

        final long before = Allocations.allocatedBytes();
        classifier.run(ITEMS);
        final long allocated = Allocations.allocatedBytes() - before;

        assertThat(allocated).as("bytes allocated by %d classifications on java.util.regex", ITEMS).isZero();
    }

    @Test
    void aMillionCalendarQueriesAllocateZeroBytes()
    {
        final BusinessCalendar calendar = new CalendarSpec().zone("Europe/Berlin")
            .hours(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, LocalTime.of(8, 0), LocalTime.of(18, 0))
            .hours(DayOfWeek.SATURDAY, LocalTime.of(9, 0), LocalTime.of(13, 0))
            .holidays(LocalDate.of(2025, 12, 24), LocalDate.of(2025, 12, 26))
            .compile();
        final CalendarQueries queries = new CalendarQueries(calendar);
        queries.run(ITEMS);

        final long before = Allocations.allocatedBytes();
        queries.run(ITEMS);
        final long allocated = Allocations.allocatedBytes() - before;

        assertThat(queries.checksum).isNotZero();
        assertThat(allocated).as("bytes allocated by %d rounds of calendar queries", ITEMS).isZero();
    }

    /** Classifies items built from preallocated strings; only primitive fields change. */
    private static final class Classifier
    {
        private final RuleSet rules;
        private final ItemAttributes attributes;
        private final Classification out = new Classification();
        private final SplittableRandom random = new SplittableRandom(11);
        private final int caseType;
        private final int subject;
        private final int account;
        private final int channel;
        private final int body;
        private final int digit;
        private final int wait;
        private final int phone;
        long routed;

        Classifier(final RuleSet rules)
        {
            this.rules = rules;
            attributes = rules.newAttributes();
            caseType = rules.attributes().id("caseType");
            subject = rules.attributes().id("subject");
            account = rules.attributes().id("account.type");
            channel = rules.attributes().id("channel");
            body = rules.attributes().id("body");
            digit = rules.attributes().id("ivr.digit");
            wait = rules.attributes().id("wait");
            phone = rules.attributes().id("phone");
        }

        void run(final int items)
        {
            for (int i = 0; i < items; i++)
            {
                attributes.clear()
                    .set(caseType, CASE_TYPES[random.nextInt(CASE_TYPES.length)])
                    .set(subject, SUBJECTS[random.nextInt(SUBJECTS.length)])
                    .set(account, ACCOUNTS[random.nextInt(ACCOUNTS.length)])
                    .set(channel, CHANNELS[random.nextInt(CHANNELS.length)])
                    .set(body, BODIES[random.nextInt(BODIES.length)])
                    .set(digit, random.nextInt(5))
                    .set(wait, random.nextInt(600))
                    .set(phone, PHONES[random.nextInt(PHONES.length)]);
                rules.classify(attributes, random.nextLong(), out);
                routed += out.queue() + out.priority() + out.skillCount() + out.assignmentCount() + 2;
            }
        }
    }

    /** Every query kind at random instants of 2025. */
    private static final class CalendarQueries
    {
        private static final long START = 1_735_689_600_000L; // 2025-01-01T00:00:00Z
        private static final long YEAR = 365L * 24 * 3_600_000;
        private final BusinessCalendar calendar;
        private final SplittableRandom random = new SplittableRandom(5);
        long checksum;

        CalendarQueries(final BusinessCalendar calendar)
        {
            this.calendar = calendar;
        }

        void run(final int rounds)
        {
            for (int i = 0; i < rounds; i++)
            {
                final long t = START + random.nextLong(YEAR);
                final long later = t + random.nextLong(7 * 24 * 3_600_000L);
                checksum += calendar.isOpen(t) ? 1 : 0;
                checksum += calendar.nextOpen(t) - t;
                checksum += calendar.nextClose(t) - t;
                checksum += calendar.businessMillisBetween(t, later);
                checksum += calendar.addBusinessMillis(t, 30 * 60_000L) - t;
            }
        }
    }
}
