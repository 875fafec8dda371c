package dev.plumbline.dashboards.alerts;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A candidate's exports, as the export API gives them: a download per file, or the reason an export cannot express
 * the policy; the Prometheus rule file shown as it will be saved.
 */
final class ExportDialog extends Dialog {

    ExportDialog(String service, String objective, String policy, List<AlertTuning.Export> exports) {
        addClassName("alerts-export-dialog");
        setHeaderTitle("Export " + policy + " for " + service + "/" + objective);
        Div list = new Div();
        list.addClassName("alerts-exports");
        Pre preview = null;
        for (AlertTuning.Export e : exports) {
            Div row = new Div();
            row.addClassName("alerts-export");
            row.getElement().setAttribute("data-kind", e.kind());
            Span label = new Span(e.label() + ": ");
            label.addClassName("alerts-export-label");
            row.add(label);
            if (e.refusal().isEmpty()) {
                byte[] bytes = e.text().getBytes(StandardCharsets.UTF_8);
                Anchor file = new Anchor(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                        new ByteArrayInputStream(bytes), e.fileName(), e.contentType(), bytes.length)),
                        AttachmentType.DOWNLOAD, e.fileName());
                file.addClassName("alerts-export-file");
                row.add(file);
                if (preview == null && e.kind().equals("prometheus")) {
                    preview = new Pre(e.text());
                    preview.addClassName("alerts-export-preview");
                }
            } else {
                Span refusal = new Span(e.refusal());
                refusal.addClassName("alerts-export-refusal");
                row.add(refusal);
            }
            list.add(row);
        }
        add(new Paragraph("The same files as POST /api/v1/alerts/export/{prometheus,promtool-test,datadog,openslo} "
                + "for this policy. Save the promtool test next to the rule file and run promtool test rules on it."),
                list);
        if (preview != null) {
            add(preview);
        }
        Button close = new Button("Close", e -> close());
        close.addClassName("alerts-export-close");
        getFooter().add(close);
        setWidth("min(90vw, 1100px)");
    }
}
