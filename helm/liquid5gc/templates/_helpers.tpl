{{/* Name of the release's objects: <release>-liquid5gc, or the release name when it already says liquid5gc. */}}
{{- define "liquid5gc.fullname" -}}
{{- if contains "liquid5gc" .Release.Name -}}
{{- .Release.Name | trunc 50 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-liquid5gc" .Release.Name | trunc 50 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* Labels of every object (with the selector labels, or app.kubernetes.io/instance, beside them). */}}
{{- define "liquid5gc.labels" -}}
app.kubernetes.io/part-of: liquid5gc
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end -}}

{{/* Selector labels of one component: (dict "root" $ "component" "amf") */}}
{{- define "liquid5gc.selectorLabels" -}}
app.kubernetes.io/name: liquid5gc
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{/* The effective settings of one NF (nfDefaults deep-merged with nfs.<name>), as YAML: (dict "root" $ "name" "amf") */}}
{{- define "liquid5gc.nfConfig" -}}
{{- $own := index .root.Values.nfs .name -}}
{{- $merged := mergeOverwrite (deepCopy .root.Values.nfDefaults) (deepCopy $own) -}}
{{- if not (has $merged.placement (list "persistent" "faas")) -}}
{{- fail (printf "nfs.%s.placement must be persistent or faas, not %v" .name $merged.placement) -}}
{{- end -}}
{{- range $function, $f := ($merged.functions | default dict) -}}
{{- if not (has (index (splitList "-" $function) 0) $merged.functionNfs) -}}
{{- fail (printf "nfs.%s.functions.%s: not a function of this application (its functions start with one of %v)" $.name $function $merged.functionNfs) -}}
{{- end -}}
{{- if ne ($f.placement | default "") "faas" -}}
{{- fail (printf "nfs.%s.functions.%s.placement must be faas (a function of its own is a Knative Service; without an entry it stays with its NF)" $.name $function) -}}
{{- end -}}
{{- end -}}
{{- toYaml $merged -}}
{{- end -}}

{{/* Image reference: (dict "root" $ "image" "nf-amf") */}}
{{- define "liquid5gc.image" -}}
{{- printf "%s/%s:%s" .root.Values.image.registry .image (default .root.Chart.AppVersion .root.Values.image.tag) -}}
{{- end -}}

{{/* Base URL of an NF application inside the cluster, by placement: (dict "root" $ "name" "amf") */}}
{{- define "liquid5gc.nfUrl" -}}
{{- $cfg := include "liquid5gc.nfConfig" . | fromYaml -}}
{{- $name := printf "%s-%s" (include "liquid5gc.fullname" .root) .name -}}
{{- if eq $cfg.placement "faas" -}}
{{- printf "http://%s.%s.%s" $name .root.Release.Namespace .root.Values.faas.domain -}}
{{- else -}}
{{- printf "http://%s:%v" $name $cfg.port -}}
{{- end -}}
{{- end -}}

{{/*
The effective settings of one function deployed as its own unit: its NF's settings, then its entry under
nfs.<nf>.functions.<function> (knative, resources, javaOptions, env): (dict "root" $ "name" "udm" "function" "udm-generate-auth-data")
*/}}
{{- define "liquid5gc.functionConfig" -}}
{{- $cfg := include "liquid5gc.nfConfig" (dict "root" .root "name" .name) | fromYaml -}}
{{- $own := index $cfg.functions .function -}}
{{- $merged := mergeOverwrite (deepCopy (omit $cfg "functions")) (deepCopy $own) -}}
{{- toYaml $merged -}}
{{- end -}}

{{/* The Knative Service name of a function deployed alone: <fullname>-<function> (a DNS label: at most 63). */}}
{{- define "liquid5gc.functionServiceName" -}}
{{- $name := printf "%s-%s" (include "liquid5gc.fullname" .root) .function -}}
{{- if gt (len $name) 63 -}}
{{- fail (printf "the Knative Service name %s is longer than 63 characters: use a shorter release name" $name) -}}
{{- end -}}
{{- $name -}}
{{- end -}}

{{/*
Environment of a caller: how to reach every NF it does not host. (dict "root" $ "self" "amf"); self "" for the proxy.
persistent NF -> LIQUID5GC_NF_<NF>_PLACEMENT=http + _URL (its Service); faas NF -> =faas + _URLPATTERN (its Knative
Service, one function per path). The NRF as http makes every persistent NF register itself.
*/}}
{{- define "liquid5gc.callerEnv" -}}
{{- $root := .root -}}
{{- $self := .self -}}
{{- range $name := keys $root.Values.nfs | sortAlpha }}
{{- if ne $name $self }}
{{- $cfg := include "liquid5gc.nfConfig" (dict "root" $root "name" $name) | fromYaml }}
{{- $url := include "liquid5gc.nfUrl" (dict "root" $root "name" $name) }}
{{- range $nf := $cfg.functionNfs }}
{{- $NF := upper $nf }}
{{- if eq $cfg.placement "faas" }}
- name: LIQUID5GC_NF_{{ $NF }}_PLACEMENT
  value: faas
- name: LIQUID5GC_NF_{{ $NF }}_URLPATTERN
  value: {{ printf "%s/{function}" $url | quote }}
{{- else }}
- name: LIQUID5GC_NF_{{ $NF }}_PLACEMENT
  value: http
- name: LIQUID5GC_NF_{{ $NF }}_URL
  value: {{ $url | quote }}
{{- end }}
{{- end }}
{{- end }}
{{- end }}
{{- range $nf := $root.Values.r17Disabled }}
- name: LIQUID5GC_NF_{{ upper $nf }}_ENABLED
  value: "false"
{{- end }}
{{- /* functions deployed alone (nfs.<nf>.functions.<function>.placement faas): every caller, the function's own NF
       included, posts them to their own Knative Service (liquid5gc.function.<function>.*, bound as written) */}}
{{- range $name := keys $root.Values.nfs | sortAlpha }}
{{- $cfg := include "liquid5gc.nfConfig" (dict "root" $root "name" $name) | fromYaml }}
{{- range $function := keys ($cfg.functions | default dict) | sortAlpha }}
{{- if ne $function ($.function | default "") }}
- name: liquid5gc.function.{{ $function }}.placement
  value: faas
- name: liquid5gc.function.{{ $function }}.url-pattern
  value: {{ printf "http://%s.%s.%s/{function}" (include "liquid5gc.functionServiceName" (dict "root" $root "function" $function)) $root.Release.Namespace $root.Values.faas.domain | quote }}
{{- end }}
{{- end }}
{{- end }}
{{- end -}}

{{/* Redis and its password (every workload keeps state in Redis). */}}
{{- define "liquid5gc.storeEnv" -}}
- name: LIQUID5GC_STORE_TYPE
  value: redis
- name: LIQUID5GC_STORE_REDIS_URL
  value: {{ include "liquid5gc.redisUrl" . | quote }}
{{- if and (not .Values.redis.bundled) .Values.redis.external.mode (ne .Values.redis.external.mode "standalone") }}
- name: LIQUID5GC_STORE_REDIS_MODE
  value: {{ .Values.redis.external.mode | quote }}
- name: LIQUID5GC_STORE_REDIS_NODES
  value: {{ required "redis.external.nodes is required with redis.external.mode cluster or sentinel" .Values.redis.external.nodes | join "," | quote }}
{{- if eq .Values.redis.external.mode "sentinel" }}
- name: LIQUID5GC_STORE_REDIS_MASTERNAME
  value: {{ required "redis.external.masterName is required with redis.external.mode sentinel" .Values.redis.external.masterName | quote }}
{{- end }}
{{- end }}
- name: LIQUID5GC_STORE_REDIS_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ include "liquid5gc.redisSecret" . }}
      key: redis-password
{{- end -}}

{{- define "liquid5gc.redisUrl" -}}
{{- if .Values.redis.bundled -}}
{{- printf "redis://%s-redis:6379/0" (include "liquid5gc.fullname" .) -}}
{{- else -}}
{{- required "redis.external.url is required when redis.bundled=false" .Values.redis.external.url -}}
{{- end -}}
{{- end -}}

{{- define "liquid5gc.redisSecret" -}}
{{- default (printf "%s-redis" (include "liquid5gc.fullname" .)) .Values.redis.auth.existingSecret -}}
{{- end -}}

{{- define "liquid5gc.etcdEndpoints" -}}
{{- if .Values.etcd.bundled -}}
{{- printf "http://%s-etcd:2379" (include "liquid5gc.fullname" .) -}}
{{- else -}}
{{- required "etcd.external.endpoints is required when etcd.bundled=false" .Values.etcd.external.endpoints -}}
{{- end -}}
{{- end -}}

{{- define "liquid5gc.homeNetworkKeysSecret" -}}
{{- default (printf "%s-home-network-keys" (include "liquid5gc.fullname" .)) .Values.homeNetworkKeys.existingSecret -}}
{{- end -}}

{{/*
The full environment of one NF application: (dict "root" $ "name" "udm").
*/}}
{{- define "liquid5gc.nfEnv" -}}
{{- $root := .root -}}
{{- $cfg := include "liquid5gc.nfConfig" (dict "root" .root "name" .name) | fromYaml -}}
{{- if .function }}
{{- $cfg = include "liquid5gc.functionConfig" . | fromYaml -}}
{{- end }}
- name: SERVER_PORT
  value: {{ $cfg.port | quote }}
- name: JAVA_TOOL_OPTIONS
  value: {{ ternary (printf "%s %s" $cfg.javaOptions (default "" $cfg.knative.javaOptions) | trim) $cfg.javaOptions (eq $cfg.placement "faas") | quote }}
{{ include "liquid5gc.storeEnv" $root }}
{{ include "liquid5gc.meteringEnv" $root }}
{{- include "liquid5gc.callerEnv" (dict "root" $root "self" .name "function" .function) }}
{{ include "liquid5gc.sbiEnv" (dict "root" $root "name" .name) }}
{{- if eq .name "nrf" }}
- name: LIQUID5GC_REGISTRY_TYPE
  value: etcd
- name: LIQUID5GC_REGISTRY_ETCD_ENDPOINTS
  value: {{ include "liquid5gc.etcdEndpoints" $root | quote }}
{{- include "liquid5gc.nrfOAuth2Env" $root }}
{{- end }}
{{- if has "udr" $cfg.functionNfs }}
{{- include "liquid5gc.udrKekEnv" $root }}
{{- end }}
{{- if or (has "udr" $cfg.functionNfs) (has "nrf" $cfg.functionNfs) }}
{{ include "liquid5gc.operatorEnv" $root }}
{{ include "liquid5gc.consoleEnv" (dict "root" $root "cfg" $cfg) }}
{{- end }}
{{- if eq .name "udm" }}
{{- range $i, $k := $root.Values.homeNetworkKeys.keys }}
- name: LIQUID5GC_UDM_HOMENETWORKKEYS_{{ $i }}_ID
  value: {{ $k.id | quote }}
- name: LIQUID5GC_UDM_HOMENETWORKKEYS_{{ $i }}_SCHEME
  value: {{ $k.scheme | quote }}
- name: LIQUID5GC_UDM_HOMENETWORKKEYS_{{ $i }}_PRIVATEKEY
  valueFrom:
    secretKeyRef:
      name: {{ include "liquid5gc.homeNetworkKeysSecret" $root }}
      key: {{ printf "privateKey-%v" $k.id }}
{{- end }}
{{- end }}
{{- if and (eq .name "smf") $root.Values.upf.enabled }}
{{- if or (eq $cfg.placement "faas") (gt (int $cfg.replicas) 1) (and $cfg.autoscaling.enabled (gt (int $cfg.autoscaling.maxReplicas) 1)) }}
{{- fail "upf.enabled needs nfs.smf to be one persistent replica (placement persistent, replicas 1, autoscaling off or maxReplicas 1): the PFCP association is per SMF process" }}
{{- end }}
{{- if or (not $root.Values.upf.pfcpAddress) (not $root.Values.upf.n3Address) }}
{{- fail "upf.enabled needs upf.pfcpAddress and upf.n3Address" }}
{{- end }}
- name: LIQUID5GC_SMF_N4_ENABLED
  value: "true"
- name: LIQUID5GC_SMF_N4ADDRESS
  valueFrom:
    fieldRef:
      fieldPath: status.podIP
{{- if $root.Values.upf.more }}
{{- /* several UPFs (liquid5gc.smf.upfs[i]): the first is upf.*, the others upf.more, in this order of preference */}}
{{- $all := prepend $root.Values.upf.more (dict "nodeId" $root.Values.upf.nodeId "pfcpAddress" $root.Values.upf.pfcpAddress "n3Address" $root.Values.upf.n3Address "dnns" $root.Values.upf.dnns "slices" $root.Values.upf.slices) }}
{{- range $i, $u := $all }}
{{- if or (not $u.nodeId) (not $u.pfcpAddress) (not $u.n3Address) }}
{{- fail (printf "upf.more[%d]: nodeId, pfcpAddress and n3Address are needed" (sub $i 1)) }}
{{- end }}
- name: LIQUID5GC_SMF_UPFS_{{ $i }}_NODEID
  value: {{ $u.nodeId | quote }}
- name: LIQUID5GC_SMF_UPFS_{{ $i }}_N4ADDRESS
  value: {{ $u.pfcpAddress | quote }}
- name: LIQUID5GC_SMF_UPFS_{{ $i }}_N3ADDRESS
  value: {{ $u.n3Address | quote }}
{{- if $u.dnns }}
- name: LIQUID5GC_SMF_UPFS_{{ $i }}_DNNS
  value: {{ join "," $u.dnns | quote }}
{{- end }}
{{- if $u.slices }}
- name: LIQUID5GC_SMF_UPFS_{{ $i }}_SLICES
  value: {{ join "," $u.slices | quote }}
{{- end }}
{{- end }}
{{- else }}
- name: LIQUID5GC_SMF_UPF_NODEID
  value: {{ $root.Values.upf.nodeId | quote }}
- name: LIQUID5GC_SMF_UPF_N4ADDRESS
  value: {{ $root.Values.upf.pfcpAddress | quote }}
- name: LIQUID5GC_SMF_UPF_N3ADDRESS
  value: {{ $root.Values.upf.n3Address | quote }}
{{- end }}
- name: LIQUID5GC_SMF_N4_T1
  value: {{ $root.Values.upf.t1 | quote }}
- name: LIQUID5GC_SMF_N4_N1
  value: {{ $root.Values.upf.n1 | quote }}
- name: LIQUID5GC_SMF_N4_HEARTBEATINTERVAL
  value: {{ $root.Values.upf.heartbeatInterval | quote }}
{{- /* paging on downlink data and the UE's notice of a session the SMF released: N1N2MessageTransfer (TS 29.518) to
       the proxy, which terminates N2 (its HTTP port, on the ClusterIP Service) */}}
- name: LIQUID5GC_SMF_AMF_N1N2URL
  value: {{ printf "http://%s-proxy-metrics:%v" (include "liquid5gc.fullname" $root) $root.Values.proxy.httpPort | quote }}
{{- end }}
{{- if .function }}
{{- /* the unit of one function: only it is deployed here (liquid5gc.serve.function); the NF's other functions are
       reached where the NF runs, as any caller reaches them */}}
{{- $url := include "liquid5gc.nfUrl" (dict "root" $root "name" .name) }}
{{- $nfCfg := include "liquid5gc.nfConfig" (dict "root" $root "name" .name) | fromYaml }}
- name: LIQUID5GC_SERVE_FUNCTION
  value: {{ .function | quote }}
- name: LIQUID5GC_SERVE_PLACEMENT
  value: faas
- name: LIQUID5GC_REGISTRATION_ENABLED
  value: "false"
{{- range $nf := $cfg.functionNfs }}
{{- if eq $nfCfg.placement "faas" }}
- name: LIQUID5GC_NF_{{ upper $nf }}_PLACEMENT
  value: faas
- name: LIQUID5GC_NF_{{ upper $nf }}_URLPATTERN
  value: {{ printf "%s/{function}" $url | quote }}
{{- else }}
- name: LIQUID5GC_NF_{{ upper $nf }}_PLACEMENT
  value: http
- name: LIQUID5GC_NF_{{ upper $nf }}_URL
  value: {{ $url | quote }}
{{- end }}
{{- end }}
{{- else if eq $cfg.placement "faas" }}
- name: LIQUID5GC_SERVE_PLACEMENT
  value: faas
- name: LIQUID5GC_REGISTRATION_ENABLED
  value: "false"
{{- else }}
- name: LIQUID5GC_REGISTRATION_ADVERTISEDURL
  value: {{ include "liquid5gc.nfUrl" . | quote }}
{{- end }}
{{- range $k, $v := $cfg.env }}
- name: {{ $k }}
  value: {{ $v | quote }}
{{- end }}
{{- end -}}

{{/*
SBI access tokens (README "SBI security"). Every NF deployable (each entry under nfs, and the proxy) is one client of
the NRF with its own instance id and client secret, held in one Secret under the keys
  <name>-instance-id    the instance id (a UUID)             -> LIQUID5GC_SECURITY_NFINSTANCEID of that workload
  <name>-client-secret  the secret it presents               -> LIQUID5GC_SECURITY_CLIENTSECRET of that workload
  <name>-nrf-secret     what the NRF compares it with        -> LIQUID5GC_NRF_OAUTH2_CLIENTS_<i>_SECRET
                        ({noop}<client secret> or {bcrypt}<hash of it>)
*/}}

{{/* The NRF's clients, as a YAML list of {name, nfTypes}: the NFs under nfs (sorted), then the proxy. */}}
{{- define "liquid5gc.sbiClients" -}}
{{- $clients := list -}}
{{- range $name := keys .Values.nfs | sortAlpha -}}
{{- if eq $name "proxy" -}}
{{- fail "nfs.proxy: the name proxy belongs to the N2 proxy (proxy.*)" -}}
{{- end -}}
{{- $cfg := include "liquid5gc.nfConfig" (dict "root" $ "name" $name) | fromYaml -}}
{{- $types := list -}}
{{- range $nf := $cfg.functionNfs -}}
{{- $types = append $types (upper $nf) -}}
{{- end -}}
{{- $clients = append $clients (dict "name" $name "nfTypes" (join "," $types)) -}}
{{- end -}}
{{- $clients = append $clients (dict "name" "proxy" "nfTypes" "N2_PROXY") -}}
{{- toYaml $clients -}}
{{- end -}}

{{- define "liquid5gc.sbiSecret" -}}
{{- default (printf "%s-sbi" (include "liquid5gc.fullname" .)) .Values.sbi.existingSecret -}}
{{- end -}}

{{/* One env entry from a Secret: (dict "env" "NAME" "secret" "secret-name" "key" "key") */}}
{{- define "liquid5gc.secretEnv" -}}
- name: {{ .env }}
  valueFrom:
    secretKeyRef:
      name: {{ .secret }}
      key: {{ .key }}
{{- end -}}

{{/*
A workload's own SBI identity: (dict "root" $ "name" "amf"), name "proxy" for the proxy. When the NRF is on Knative
its callers have no NRF URL to derive the token and key endpoints from, so they are given.
*/}}
{{- define "liquid5gc.sbiEnv" -}}
{{- $secret := include "liquid5gc.sbiSecret" .root -}}
{{ include "liquid5gc.secretEnv" (dict "env" "LIQUID5GC_SECURITY_NFINSTANCEID" "secret" $secret "key" (printf "%s-instance-id" .name)) }}
{{ include "liquid5gc.secretEnv" (dict "env" "LIQUID5GC_SECURITY_CLIENTSECRET" "secret" $secret "key" (printf "%s-client-secret" .name)) }}
{{- if ne .name "nrf" }}
{{- $nrf := include "liquid5gc.nfConfig" (dict "root" .root "name" "nrf") | fromYaml }}
{{- if eq $nrf.placement "faas" }}
{{- $url := include "liquid5gc.nfUrl" (dict "root" .root "name" "nrf") }}
- name: LIQUID5GC_SECURITY_TOKENURI
  value: {{ printf "%s/oauth2/token" $url | quote }}
- name: LIQUID5GC_SECURITY_JWKSURI
  value: {{ printf "%s/oauth2/jwks" $url | quote }}
{{- end }}
{{- end }}
{{- end -}}

{{/* The NRF's clients list and signing keys, every secret part from a Secret. */}}
{{- define "liquid5gc.nrfOAuth2Env" -}}
{{- $secret := include "liquid5gc.sbiSecret" . -}}
{{- range $i, $c := include "liquid5gc.sbiClients" . | fromYamlArray }}
{{ include "liquid5gc.secretEnv" (dict "env" (printf "LIQUID5GC_NRF_OAUTH2_CLIENTS_%d_NFINSTANCEID" $i) "secret" $secret "key" (printf "%s-instance-id" $c.name)) }}
- name: {{ printf "LIQUID5GC_NRF_OAUTH2_CLIENTS_%d_NFTYPES" $i }}
  value: {{ $c.nfTypes | quote }}
{{ include "liquid5gc.secretEnv" (dict "env" (printf "LIQUID5GC_NRF_OAUTH2_CLIENTS_%d_SECRET" $i) "secret" $secret "key" (printf "%s-nrf-secret" $c.name)) }}
{{- end }}
{{- with .Values.sbi.signingJwks.existingSecret }}
{{ include "liquid5gc.secretEnv" (dict "env" "LIQUID5GC_NRF_OAUTH2_SIGNINGJWKS" "secret" . "key" $.Values.sbi.signingJwks.key) }}
{{- end }}
{{- end -}}

{{/* The operator token (provisioning API of the UDR, /proxy/ues of the proxy, /registry/ of the NRF, their consoles). */}}
{{- define "liquid5gc.operatorSecret" -}}
{{- default (printf "%s-operator" (include "liquid5gc.fullname" .)) .Values.operator.existingSecret -}}
{{- end -}}

{{- define "liquid5gc.operatorEnv" -}}
{{ include "liquid5gc.secretEnv" (dict "env" "LIQUID5GC_OPERATOR_TOKEN" "secret" (include "liquid5gc.operatorSecret" .) "key" "operator-token") }}
{{- end -}}

{{/* The operator console of the UDR and NRF workloads (README "Operator console"): its live view calls the proxy's
     /proxy/ through the proxy's in-cluster Service, an NRF's subscriber pages the UDR's /provisioning/, with the
     operator token above: (dict "root" $ "cfg" <the NF's settings>). */}}
{{- define "liquid5gc.consoleEnv" -}}
{{- $root := .root -}}
- name: LIQUID5GC_CONSOLE_LIVEVIEWURL
  value: {{ default (printf "http://%s-proxy-metrics:%v" (include "liquid5gc.fullname" $root) $root.Values.proxy.httpPort) $root.Values.console.liveViewUrl | quote }}
{{- if and (not (has "udr" .cfg.functionNfs)) (hasKey $root.Values.nfs "udr") }}
- name: LIQUID5GC_CONSOLE_SUBSCRIBERSURL
  value: {{ default (include "liquid5gc.nfUrl" (dict "root" $root "name" "udr")) $root.Values.console.subscribersUrl | quote }}
{{- end }}
{{- end -}}

{{/* The UDR's key-encryption keys for K and OPc at rest: the Secret's key is the key id; the last id encrypts. */}}
{{- define "liquid5gc.udrKekSecret" -}}
{{- default (printf "%s-udr-kek" (include "liquid5gc.fullname" .)) .Values.udr.keyEncryption.existingSecret -}}
{{- end -}}

{{- define "liquid5gc.udrKekEnv" -}}
{{- $secret := include "liquid5gc.udrKekSecret" . -}}
{{- if not .Values.udr.keyEncryption.keyIds }}
{{- fail "udr.keyEncryption.keyIds needs at least one key id" }}
{{- end }}
{{- range $i, $id := .Values.udr.keyEncryption.keyIds }}
- name: {{ printf "LIQUID5GC_UDR_KEYENCRYPTION_KEYS_%d_ID" $i }}
  value: {{ $id | quote }}
{{ include "liquid5gc.secretEnv" (dict "env" (printf "LIQUID5GC_UDR_KEYENCRYPTION_KEYS_%d_KEY" $i) "secret" $secret "key" $id) }}
{{- end }}
{{- end -}}

{{/* A Secret value kept across upgrades: the existing Secret's (lookup) when it has the key, else "new".
     (dict "existing" <data of the existing Secret or nil> "key" "amf-instance-id" "new" (uuidv4)) */}}
{{- define "liquid5gc.kept" -}}
{{- if and .existing (hasKey .existing .key) -}}
{{- index .existing .key | b64dec -}}
{{- else -}}
{{- .new -}}
{{- end -}}
{{- end -}}

{{/* Labels every pod of the release carries (NFs, proxy, Redis, etcd): the NetworkPolicy's "own pods". */}}
{{- define "liquid5gc.releasePodLabels" -}}
app.kubernetes.io/name: liquid5gc
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* Tenants and metering of every NF process and the proxy (README "Tenants and billing"): the tenants a passed-on
     tenant label is checked against, the memory billed per function. */}}
{{- define "liquid5gc.meteringEnv" -}}
{{- range $i, $t := .Values.tenants }}
- name: LIQUID5GC_TENANTS_{{ $i }}_NAME
  value: {{ required "tenants[].name" $t.name | quote }}
{{- if $t.snssais }}
- name: LIQUID5GC_TENANTS_{{ $i }}_SNSSAIS
  value: {{ join "," $t.snssais | quote }}
{{- end }}
{{- if $t.plmns }}
- name: LIQUID5GC_TENANTS_{{ $i }}_PLMNS
  value: {{ join "," $t.plmns | quote }}
{{- end }}
{{- end }}
- name: LIQUID5GC_METERING_MEMORYMB
  value: {{ .Values.metering.memoryMb | quote }}
- name: LIQUID5GC_METERING_BUCKET
  value: {{ .Values.metering.bucket | quote }}
{{- end -}}
