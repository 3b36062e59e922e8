package io.switchboard.policy.rules;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The allocation-free keyword matcher: which patterns it takes over from {@code java.util.regex}, and that it then
 * answers exactly as the case-insensitive regular expression would.
 */
class KeywordMatcherTest
{
    @Test
    void literalAlternationsRunOnTheKeywordMatcher()
    {
        assertThat(KeywordMatcher.forPattern("hardware|device|laptop|printer")).isNotNull();
        assertThat(KeywordMatcher.forPattern("BILLING")).isNotNull();
        assertThat(KeywordMatcher.forPattern("\\bSTOP\\b")).isNotNull();
        assertThat(KeywordMatcher.forPattern("\\b(help|info)\\b")).isNotNull();
        assertThat(KeywordMatcher.forPattern("(?:log in|sign in)")).isNotNull();
        assertThat(KeywordMatcher.forPattern("c\\+\\+|\\.net")).isNotNull();
    }

    @Test
    void realRegexFeaturesFallBackToJavaUtilRegex()
    {
        assertThat(KeywordMatcher.forPattern("^help")).isNull();
        assertThat(KeywordMatcher.forPattern("pass(word)?")).isNull();
        assertThat(KeywordMatcher.forPattern("order \\d+")).isNull();
        assertThat(KeywordMatcher.forPattern("a.c")).isNull();
        assertThat(KeywordMatcher.forPattern("[0-9]{3}")).isNull();
        assertThat(KeywordMatcher.forPattern("(a)|(b)")).isNull();
        assertThat(KeywordMatcher.forPattern("(?i)abc")).isNull();
        assertThat(KeywordMatcher.forPattern("a||b")).isNull();
        assertThat(KeywordMatcher.forPattern("\\ba|b\\b")).isNull(); // anchors bind to one alternative only
    }

    @Test
    void matchingIgnoresAsciiCaseAndFindsKeywordsAnywhere()
    {
        final KeywordMatcher matcher = KeywordMatcher.forPattern("laptop|printer");
        assertThat(matcher.find("LaPtOp")).isTrue();
        assertThat(matcher.find("the printer!")).isTrue();
        assertThat(matcher.find("laptops")).isTrue();
        assertThat(matcher.find("lap top")).isFalse();
        assertThat(matcher.find("")).isFalse();
    }

    @Test
    void wordBoundariesAreThoseOfRegularExpressions()
    {
        final KeywordMatcher matcher = KeywordMatcher.forPattern("\\b(help|stop)\\b");
        assertThat(matcher.find("HELP")).isTrue();
        assertThat(matcher.find("help!")).isTrue();
        assertThat(matcher.find("(stop)")).isTrue();
        assertThat(matcher.find("helpful")).isFalse();
        assertThat(matcher.find("non_stop")).isFalse();
        assertThat(matcher.find("stop2")).isFalse();
        assertThat(KeywordMatcher.forPattern("\\bstop").find("stopped")).isTrue();
        assertThat(KeywordMatcher.forPattern("stop\\b").find("nonstop")).isTrue();
    }

    @Test
    void randomTextsMatchExactlyAsTheCaseInsensitiveRegexWould()
    {
        final String[] patterns = {
            "hardware|device|laptop|printer", "\\bSTOP\\b", "\\b(help|billing)\\b", "ab|b|bab", "\\ba\\b",
            "x\\.y", "(?:aa|ab)\\b", "\\b(?:b a)"};
        final SplittableRandom random = new SplittableRandom(2024);
        for (final String pattern : patterns)
        {
            // Non-ASCII letters only where no \b is involved: JDK 19 changed \b to ASCII word characters.
            final String alphabet = pattern.contains("\\b") ? "abAB xyXY._-!0stopSTOPhelp" : "abAB xyXY._-!0éÉ";
            final KeywordMatcher matcher = KeywordMatcher.forPattern(pattern);
            final Pattern regex = Pattern.compile(pattern, Pattern.CASE_INSENSITIVE);
            assertThat(matcher).as(pattern).isNotNull();
            for (int i = 0; i < 5_000; i++)
            {
                final StringBuilder text = new StringBuilder();
                final int length = random.nextInt(12);
                for (int c = 0; c < length; c++)
                {
                    text.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                assertThat(matcher.find(text)).as("%s in '%s'", pattern, text).isEqualTo(regex.matcher(text).find());
            }
        }
    }

    @Test
    void keywordsMayStartWithDigitsPunctuationAndNonAsciiCharacters()
    {
        final Object[][] cases = {
            {"911|#urgent|\\.net", "call 911 now", true},
            {"911|#urgent|\\.net", "#URGENT", true},
            {"911|#urgent|\\.net", "asp.NET", true},
            {"911|#urgent|\\.net", "91 1 urgent net", false},
            {"@support|@help", "mail @Support", true},
            {"@support|@help", "`support", false},
            {"zip|ZAP", "ZIP code", true},
            {"zip|ZAP", "zap", true},
            {"\u007fy|\u0080x", "a\u0080X", true},
            {"\u007fy|\u0080x", "\u007fY", true},
            {"\u007fy|\u0080x", "xy", false},
            {"éclair", "un éclair", true},
            {"éclair", "ÉCLAIR", false},
            {"\\\\b", "a\\b", true},
            {"\\\\b", "ab", false},
        };
        for (final Object[] c : cases)
        {
            final String pattern = (String)c[0];
            final String text = (String)c[1];
            final KeywordMatcher matcher = KeywordMatcher.forPattern(pattern);
            assertThat(matcher).as(pattern).isNotNull();
            assertThat(matcher.find(text)).as("%s in '%s'", pattern, text).isEqualTo(c[2]);
            assertThat(Pattern.compile(pattern, Pattern.CASE_INSENSITIVE).matcher(text).find())
                .as("the regular expression %s in '%s'", pattern, text).isEqualTo(c[2]);
        }
    }

    @Test
    void anEmptyAlternativeOrATrailingBackslashIsLeftToJavaUtilRegex()
    {
        // "stop|" matches the empty string everywhere: no list of keywords says that
        assertThat(KeywordMatcher.forPattern("stop|")).isNull();
        assertThat(Pattern.compile("stop|").matcher("anything").find()).isTrue();
        assertThat(KeywordMatcher.forPattern("stop\\")).isNull();
    }
}
