package dev.plumbline.collectors.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextInputTest {

    @Test
    void utf8_with_or_without_byte_order_mark_reads_the_same() {
        byte[] plain = "id,name\n1,Zoë".getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[plain.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(plain, 0, bom, 3, plain.length);

        assertThat(TextInput.decode(bom)).isEqualTo(TextInput.decode(plain)).isEqualTo("id,name\n1,Zoë");
    }

    @Test
    void utf16_with_a_byte_order_mark_is_read() {
        byte[] le = "\uFEFFid\tname".getBytes(StandardCharsets.UTF_16LE);

        assertThat(TextInput.decode(le)).isEqualTo("id\tname");
    }

    @Test
    void latin1_bytes_are_refused_instead_of_garbled() {
        byte[] latin1 = "id,name\n1,Zo\u00eb".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> TextInput.decode(latin1)).isInstanceOf(ImportRejected.class)
                .hasMessageContaining("not valid UTF-8");
    }

    @Test
    void utf16_without_a_byte_order_mark_is_named_as_a_likely_cause() {
        assertThatThrownBy(() -> TextInput.decode("id,name".getBytes(StandardCharsets.UTF_16LE)))
                .hasMessageContaining("UTF-16 without a byte order mark");
    }

    @Test
    void an_empty_file_is_refused() {
        assertThatThrownBy(() -> TextInput.decode(new byte[0])).hasMessageContaining("the file is empty");
    }
}
