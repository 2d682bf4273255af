package dev.mlops.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TermsTest {
    private final Terms terms = Terms.english();

    @Test
    void shouldLowercase_dropStopWords_andPairAdjacentWords() {
        assertEquals(List.of("remote", "work", "remote work", "another", "country"),
                List.copyOf(terms.distinct("Remote WORK from another, from the country")));
    }

    @Test
    void shouldNotPairAcrossPunctuation_orStopWords() {
        assertEquals(Set.of("refund", "policy", "refund policy", "annual", "plans"),
                terms.distinct("refund policy. annual, plans"));
        assertEquals(Set.of("work", "home"), terms.distinct("work from home"));
    }

    @Test
    void shouldKeepApostrophesInsideWords_andSplitOnUnicodeBoundaries() {
        assertEquals(Set.of("can't", "login", "can't login"), terms.distinct("I can't login"));
        assertEquals(Set.of("télétravail", "été", "télétravail été"), terms.distinct("Télétravail ÉTÉ"));
        assertEquals(Set.of("远", "程", "远 程"), terms.distinct("远程"));
        assertEquals(Set.of("gpu", "a100", "gpu a100"), terms.distinct("GPU A100!!"));
    }

    @Test
    void shouldReadStopWordsThatReplaceTheBuiltInList() {
        Terms custom = new Terms(Set.of("remote"));
        assertEquals(Set.of("work", "from", "from home", "home", "work from"), custom.distinct("remote work from home"));
    }

    /** A term counts once per document, however often it occurs there. */
    @Test
    void shouldCountDocumentFrequencies() {
        TermCounter c = new TermCounter(100);
        for (String doc : List.of("refund refund refund", "refund please", "invoice")) {
            c.document();
            terms.count(doc, c);
        }
        assertEquals(2, c.count("refund"));
        assertEquals(1, c.count("refund refund"));
        assertEquals(1, c.count("invoice"));
        assertEquals(3, c.documents());
    }

    /** Misra-Gries: memory stays bounded, frequent terms keep their counts within the stated undercount. */
    @Test
    void shouldBoundMemory_andKeepFrequentTerms() {
        TermCounter c = new TermCounter(50);
        for (int d = 0; d < 20_000; d++) {
            c.document();
            c.add("frequent");
            c.add("rare" + d);
        }
        Map<String, Long> counts = c.counts();
        assertTrue(counts.size() < 100, "kept " + counts.size());
        assertTrue(c.count("frequent") >= 20_000 - c.maxUndercount(), c.count("frequent") + " " + c.maxUndercount());
        assertTrue(c.count("frequent") <= 20_000);
    }

    @Test
    void shouldMergeCounters() {
        TermCounter a = new TermCounter(100);
        TermCounter b = new TermCounter(100);
        a.document();
        a.add("x");
        b.document();
        b.add("x");
        b.add("y");
        a.merge(b);
        assertEquals(2, a.count("x"));
        assertEquals(1, a.count("y"));
        assertEquals(2, a.documents());
    }

    @Test
    void shouldSampleTheSameDocuments_inAnyOrderOrSplit() {
        List<String> docs = new java.util.ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            docs.add("doc " + i + " refund " + (i % 7 == 0 ? "remote work" : "invoice"));
        }
        // capacity above the number of distinct terms: no pruning, so counts are exact in any order
        TermSample whole = new TermSample(2, 100_000);
        docs.forEach(d -> whole.add(d, terms));
        TermSample first = new TermSample(2, 100_000);
        TermSample second = new TermSample(2, 100_000);
        List<String> reversed = new java.util.ArrayList<>(docs);
        java.util.Collections.reverse(reversed);
        reversed.subList(0, 1500).forEach(d -> first.add(d, terms));
        reversed.subList(1500, 4000).forEach(d -> second.add(d, terms));
        first.merge(second);
        Map<String, Long> a = whole.counts().counts();
        Map<String, Long> b = first.counts().counts();
        assertEquals(a.size(), b.size());
        assertTrue(a.equals(b), "the same documents were sampled");
        assertEquals(whole.counts().count("remote work"), first.counts().count("remote work"));
        long sampled = whole.counts().documents();
        assertTrue(sampled > 800 && sampled < 1200, "about a quarter: " + sampled);
        assertEquals(4000, first.seen());
    }

    @Test
    void shouldChooseTheLevel_thatSamplesAboutTheBudget() {
        assertEquals(0, TermSample.levelFor(150_000, 200_000));
        assertEquals(0, TermSample.levelFor(5_000_000, 0));
        assertEquals(1, TermSample.levelFor(400_000, 200_000));
        assertEquals(3, TermSample.levelFor(1_000_000, 200_000));
        assertEquals(-1, dev.mlops.logs.LogScan.estimateRecords(List.of(dev.mlops.logs.LogInput.stdin(
                java.io.InputStream.nullInputStream()))));
    }
}
