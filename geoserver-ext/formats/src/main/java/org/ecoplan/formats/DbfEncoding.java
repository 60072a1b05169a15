package org.ecoplan.formats;

import com.linuxense.javadbf.DBFCharsetHelper;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Which charset a Shapefile's dBASE table is in, and why: an explicit choice first, then the
 * .cpg file (an ESRI convention: a code-page name or number), then the dBASE language-driver
 * byte (header byte 29), else strict UTF-8. Chinese deliveries are mostly GBK without a .cpg, so
 * the reason travels with the charset into every decoding error: the reader can then say what was
 * tried and what to set.
 *
 * @param charset the charset to decode text with
 * @param source  where it came from, for messages (".cpg says GBK")
 * @param guessed true when nothing in the file named it
 */
record DbfEncoding(Charset charset, String source, boolean guessed) {
    static DbfEncoding resolve(String explicit, String cpg, int languageDriver, String cpgName, String name) {
        if (explicit != null && !explicit.isBlank()) {
            Charset cs = charset(explicit)
                    .orElseThrow(() -> new FormatException(name, "unknown encoding '" + explicit + "'"));
            return new DbfEncoding(cs, "encoding set to " + explicit, false);
        }
        if (cpg != null && !cpg.isBlank()) {
            Charset cs = charset(cpg).orElseThrow(() -> new FormatException(cpgName,
                    "names encoding '" + cpg + "', which is not known; set the encoding explicitly"));
            return new DbfEncoding(cs, ".cpg says " + cpg, false);
        }
        Optional<Charset> ldid = languageDriver(languageDriver);
        if (ldid.isPresent()) {
            return new DbfEncoding(ldid.get(), String.format(Locale.ROOT, "language driver byte 0x%02X says %s",
                    languageDriver, ldid.get().name()), false);
        }
        String why = languageDriver == 0
                ? "no .cpg and no language byte"
                : String.format(Locale.ROOT, "no .cpg and language byte 0x%02X names no code page", languageDriver);
        return new DbfEncoding(StandardCharsets.UTF_8, why + ": tried UTF-8", true);
    }

    /** The language-driver ids of dBASE/ESRI that name a code page; 0x57 ("ANSI") names none. */
    static Optional<Charset> languageDriver(int b) {
        return switch (b) {
            case 0x00, 0x57 -> Optional.empty();
            case 0x4D, 0x7A -> Optional.of(Charset.forName("GBK"));
            default -> Optional.ofNullable(DBFCharsetHelper.getCharsetByByte(b));
        };
    }

    /** A .cpg or option value: a charset name, a Windows code page number, "ANSI 936", "88591". */
    static Optional<Charset> charset(String text) {
        String t = text.strip().toUpperCase(Locale.ROOT).replaceFirst("^ANSI\\s*", "").replaceFirst("^CP\\s*", "CP");
        String alias = switch (t) {
            case "65001", "UTF8", "UTF-8" -> "UTF-8";
            case "936", "CP936", "GBK", "GB2312", "GB-2312", "EUC-CN" -> "GBK"; // GBK is a superset of GB 2312
            case "54936", "GB18030", "GB-18030" -> "GB18030";
            case "950", "CP950", "BIG5" -> "Big5";
            case "88591", "8859-1", "8859_1", "LATIN1" -> "ISO-8859-1";
            case "1252", "CP1252" -> "windows-1252";
            default -> t.matches("8859\\d{1,2}") ? "ISO-8859-" + t.substring(4) : t;
        };
        // a bare number is a Windows code page: 1250..1258 are "windows-", DOS pages (437, 850) "Cp"
        for (String candidate : alias.matches("\\d{3,5}")
                ? new String[]{"windows-" + alias, "Cp" + alias}
                : new String[]{alias}) {
            try {
                return Optional.of(Charset.forName(candidate));
            } catch (IllegalArgumentException e) {
                // try the next spelling
            }
        }
        return Optional.empty();
    }
}
