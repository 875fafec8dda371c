{{/*
Chart name, overridable with nameOverride. Truncated to 63 chars (DNS label limit).
*/}}
{{- define "plumbline.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Full name used for every resource: the release name, suffixed with the chart name
unless the release name already contains it. Truncated to 63 chars.
*/}}
{{- define "plumbline.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Chart name and version, for the helm.sh/chart label.
*/}}
{{- define "plumbline.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Kubernetes recommended labels
(https://kubernetes.io/docs/concepts/overview/working-with-objects/common-labels/).
*/}}
{{- define "plumbline.labels" -}}
helm.sh/chart: {{ include "plumbline.chart" . }}
{{ include "plumbline.selectorLabels" . }}
app.kubernetes.io/version: {{ include "plumbline.imageTag" . | trunc 63 | trimSuffix "-" | quote }}
app.kubernetes.io/component: server
app.kubernetes.io/part-of: plumbline
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/*
Selector labels: the immutable subset used by the Deployment selector and the Service.
*/}}
{{- define "plumbline.selectorLabels" -}}
app.kubernetes.io/name: {{ include "plumbline.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
Name of the ServiceAccount the pods run as.
*/}}
{{- define "plumbline.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "plumbline.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
Image tag: image.tag, or the chart's appVersion when empty.
*/}}
{{- define "plumbline.imageTag" -}}
{{- .Values.image.tag | default .Chart.AppVersion | toString }}
{{- end }}

{{/*
Full image reference.
*/}}
{{- define "plumbline.image" -}}
{{- printf "%s:%s" .Values.image.repository (include "plumbline.imageTag" .) }}
{{- end }}

{{/*
The ClickHouse HTTP URL. Fails rendering when it is missing: this chart has no bundled ClickHouse.
*/}}
{{- define "plumbline.clickhouse.url" -}}
{{- required "clickhouse.url is required: the HTTP URL of your ClickHouse, e.g. http://clickhouse:8123" .Values.clickhouse.url }}
{{- end }}

{{/*
Name of the Secret holding the ClickHouse password: the existing one, or the one this chart creates.
*/}}
{{- define "plumbline.clickhouse.secretName" -}}
{{- if .Values.clickhouse.existingSecret }}
{{- .Values.clickhouse.existingSecret }}
{{- else }}
{{- printf "%s-clickhouse" (include "plumbline.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}

{{/*
Key of the password inside that Secret.
*/}}
{{- define "plumbline.clickhouse.secretKey" -}}
{{- if .Values.clickhouse.existingSecret }}
{{- required "clickhouse.existingSecretKey must not be empty when clickhouse.existingSecret is set" .Values.clickhouse.existingSecretKey }}
{{- else -}}
password
{{- end }}
{{- end }}
