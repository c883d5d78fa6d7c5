package org.segue.plugin.library.lucene.internal;

import java.io.IOException;
import java.text.Normalizer;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Tag text analysis: Unicode word tokens, lower case, accents removed, so "motorhead" finds
 * Motörhead and "sigur ros" finds Sigur Rós. Written here rather than taken from
 * lucene-analysis-common, whose ASCIIFoldingFilter would bring a 1.7 MB jar and its many
 * SPI-registered factories into the bundle for ten lines of work.
 */
final class FoldingAnalyzer extends Analyzer {

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        return new TokenStreamComponents(source, new FoldingFilter(new LowerCaseFilter(source)));
    }

    /** Wildcard and prefix terms of the query parser skip tokenizing but are folded the same way. */
    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new FoldingFilter(new LowerCaseFilter(in));
    }

    /** Removes diacritics (NFD, then drops combining marks) and spells out letters NFD leaves alone. */
    static final class FoldingFilter extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final StringBuilder folded = new StringBuilder();

        FoldingFilter(TokenStream input) {
            super(input);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            if (isAscii(term)) {
                return true;
            }
            String decomposed = Normalizer.normalize(term, Normalizer.Form.NFD);
            folded.setLength(0);
            for (int i = 0; i < decomposed.length(); i++) {
                char c = decomposed.charAt(i);
                if (Character.getType(c) == Character.NON_SPACING_MARK) {
                    continue;
                }
                switch (c) {
                    case 'ø' -> folded.append('o');
                    case 'æ' -> folded.append("ae");
                    case 'œ' -> folded.append("oe");
                    case 'ß' -> folded.append("ss");
                    case 'ł' -> folded.append('l');
                    case 'đ', 'ð' -> folded.append('d');
                    case 'þ' -> folded.append("th");
                    case 'ı' -> folded.append('i');
                    default -> folded.append(c);
                }
            }
            term.setEmpty().append(folded);
            return true;
        }

        private static boolean isAscii(CharSequence s) {
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) > 0x7f) {
                    return false;
                }
            }
            return true;
        }
    }
}
