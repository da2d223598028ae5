// EmbeddedFinance on Azure: a Flex Consumption function app (.NET 10 isolated) with its storage account, Key Vault,
// Service Bus topic and Application Insights, reached only through one user-assigned managed identity.
// No account key, connection string with a key, or secret appears in any app setting.
// Storage and both vaults are reached over private endpoints from the app's VNet integration; in prod nothing
// else reaches them. Every data-plane log goes to Log Analytics, and alert rules and a workbook watch the app.

@description('Short environment name, part of every resource name.')
@allowed([ 'dev', 'prod' ])
param environmentName string

@description('Region of every resource.')
param location string = resourceGroup().location

@description('Prefix of resource names (letters and digits).')
@minLength(2)
@maxLength(8)
param namePrefix string = 'ef'

@description('Most instances the app may scale out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Memory of one instance, in MB.')
@allowed([ 2048, 4096 ])
param instanceMemoryMB int = 2048

@description('Days Log Analytics keeps logs queryable (interactive retention, billed per GB per month beyond 31 days).')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

@description('Days every log table is kept in all: beyond logRetentionDays in the cheaper long-term (archive) tier. PCI DSS 10.5.1 asks 365.')
@minValue(30)
@maxValue(4383)
param logTotalRetentionDays int = 30

@description('Dev only: one public IP (a deployer seeding secrets) let through the storage and vault firewalls. Ignored in prod, where nothing outside the VNet gets in.')
param deployerIpAddress string = ''

@description('Address space of the VNet: /24 for the app\'s integration subnet and /24 for private endpoints are carved from it.')
param vnetAddressPrefix string = '10.40.0.0/16'

@description('Service Bus tier. Standard has no private endpoints (its public endpoint stays on, Entra ID only); Premium adds a private endpoint and turns public access off in prod.')
@allowed([ 'Standard', 'Premium' ])
param serviceBusSku string = 'Standard'

@description('A NAT gateway with one static public IP for outbound traffic, so that merchants can allow-list the webhooks\' source address.')
param staticEgressIp bool = false

@description('Resource id of the action group every alert notifies (owned by operations). Empty: alerts fire in the portal only.')
param actionGroupId string = ''

@description('Prefix of the app\'s table names (Storage:Prefix).')
param storagePrefix string = 'ef'

var suffix = uniqueString(resourceGroup().id, environmentName)
var baseName = '${namePrefix}-${environmentName}'
var storageName = toLower(take('${namePrefix}${environmentName}${suffix}', 24))
var deploymentContainer = 'app-package'
var tableNames = [ '${storagePrefix}state', '${storagePrefix}audit', '${storagePrefix}secrets', '${storagePrefix}work', '${storagePrefix}risk' ]
var queueNames = [ 'ef-outbox', 'ef-settlement', 'ef-payouts', 'ef-payout-reports', 'ef-webhooks', 'ef-integration-events', 'ef-identity-verifications' ]
var eventsTopic = 'events'
var isProd = environmentName == 'prod'
// The only way in from outside the VNet: a deployer's IP, in dev, when given. Prod has none.
var deployerAllowed = !isProd && !empty(deployerIpAddress)
var publicNetworkAccess = deployerAllowed ? 'Enabled' : 'Disabled'
var serviceBusPrivate = serviceBusSku == 'Premium'

// Built-in roles: each the narrowest that does the job (BicepTemplateTests checks this list).
var roles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b' // host leases and the deployment package
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88' // triggers and the app's queue writes
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3' // the state, audit, secrets, work and risk tables
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6' // reads the data keys and the admin key, writes nothing
  keyVaultSecretsOfficer: 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7' // the signing vault only: webhook secrets and OAuth signing keys
  serviceBusDataSender: '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39' // publish to the events topic only
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb' // telemetry with Entra ID auth
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${baseName}-id'
  location: location
}

// ---- Network: the app's outbound traffic enters the VNet; storage, the vaults (and Service Bus on Premium) answer
// only on private endpoints there. Webhooks leave through the same integration (and the NAT gateway, when asked).

resource egressIp 'Microsoft.Network/publicIPAddresses@2024-05-01' = if (staticEgressIp) {
  name: '${baseName}-egress-ip'
  location: location
  sku: { name: 'Standard' }
  properties: { publicIPAllocationMethod: 'Static' }
}

resource natGateway 'Microsoft.Network/natGateways@2024-05-01' = if (staticEgressIp) {
  name: '${baseName}-nat'
  location: location
  sku: { name: 'Standard' }
  properties: { publicIpAddresses: [ { id: egressIp.id } ] }
}

resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: '${baseName}-vnet'
  location: location
  properties: {
    addressSpace: { addressPrefixes: [ vnetAddressPrefix ] }
    subnets: [
      {
        // Flex Consumption's VNet integration: a subnet delegated to Microsoft.App/environments, used by nothing else.
        name: 'app'
        properties: {
          addressPrefix: cidrSubnet(vnetAddressPrefix, 24, 1)
          delegations: [ { name: 'flex', properties: { serviceName: 'Microsoft.App/environments' } } ]
          natGateway: staticEgressIp ? { id: natGateway.id } : null
        }
      }
      {
        name: 'endpoints'
        properties: {
          addressPrefix: cidrSubnet(vnetAddressPrefix, 24, 2)
          privateEndpointNetworkPolicies: 'Disabled'
        }
      }
    ]
  }
}

resource appSubnet 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' existing = {
  parent: vnet
  name: 'app'
}

resource endpointSubnet 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' existing = {
  parent: vnet
  name: 'endpoints'
}

// One private DNS zone per service kind, linked to the VNet, so the usual host names resolve to private addresses inside it.
var privateDnsZones = concat([
  'privatelink.blob.${environment().suffixes.storage}'
  'privatelink.queue.${environment().suffixes.storage}'
  'privatelink.table.${environment().suffixes.storage}'
  'privatelink.vaultcore.azure.net'
], serviceBusPrivate ? [ 'privatelink.servicebus.windows.net' ] : [])

resource dnsZones 'Microsoft.Network/privateDnsZones@2024-06-01' = [for zone in privateDnsZones: {
  name: zone
  location: 'global'
}]

resource dnsLinks 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = [for (zone, i) in privateDnsZones: {
  parent: dnsZones[i]
  name: '${baseName}-vnet'
  location: 'global'
  properties: {
    virtualNetwork: { id: vnet.id }
    registrationEnabled: false
  }
}]

// Each private endpoint: the service, its sub-resource (group id) and the index of its DNS zone above.
var privateLinks = concat([
  { name: 'blob', service: storage.id, groupId: 'blob', zone: 0 }
  { name: 'queue', service: storage.id, groupId: 'queue', zone: 1 }
  { name: 'table', service: storage.id, groupId: 'table', zone: 2 }
  { name: 'vault', service: vault.id, groupId: 'vault', zone: 3 }
  { name: 'signing-vault', service: signingVault.id, groupId: 'vault', zone: 3 }
], serviceBusPrivate ? [ { name: 'bus', service: serviceBus.id, groupId: 'namespace', zone: 4 } ] : [])

resource privateEndpoints 'Microsoft.Network/privateEndpoints@2024-05-01' = [for link in privateLinks: {
  name: '${baseName}-pe-${link.name}'
  location: location
  properties: {
    subnet: { id: endpointSubnet.id }
    privateLinkServiceConnections: [
      {
        name: link.name
        properties: {
          privateLinkServiceId: link.service
          groupIds: [ link.groupId ]
        }
      }
    ]
  }
}]

resource privateDnsGroups 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2024-05-01' = [for (link, i) in privateLinks: {
  parent: privateEndpoints[i]
  name: 'default'
  properties: {
    privateDnsZoneConfigs: [ { name: link.name, properties: { privateDnsZoneId: dnsZones[link.zone].id } } ]
  }
}]

// Storage and vault firewalls: deny by default, let no Azure service bypass, and let in only the deployer's IP in dev.
var firewall = {
  defaultAction: 'Deny'
  bypass: 'None'
  ipRules: deployerAllowed ? [ { value: deployerIpAddress, action: 'Allow' } ] : []
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageName
  location: location
  kind: 'StorageV2'
  sku: { name: environmentName == 'prod' ? 'Standard_ZRS' : 'Standard_LRS' }
  properties: {
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    defaultToOAuthAuthentication: true
    publicNetworkAccess: publicNetworkAccess
    networkAcls: firewall
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource packageContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: deploymentContainer
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = [for table in tableNames: {
  parent: tableService
  name: table
}]

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = [for queue in queueNames: {
  parent: queueService
  name: queue
}]

var vaultProperties = {
  tenantId: subscription().tenantId
  sku: { family: 'A', name: 'standard' }
  enableRbacAuthorization: true
  enableSoftDelete: true
  softDeleteRetentionInDays: 90
  enablePurgeProtection: true
  publicNetworkAccess: publicNetworkAccess
  networkAcls: {
    defaultAction: firewall.defaultAction
    bypass: firewall.bypass
    ipRules: deployerAllowed ? [ { value: deployerIpAddress } ] : []
  }
}

// The data keys and the admin key: the app may only read them (Key Vault Secrets User). A person seeds and rotates them.
resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: take('${namePrefix}${environmentName}kv${suffix}', 24)
  location: location
  properties: vaultProperties
}

// The secrets the app itself creates, rotates and deletes (webhook signing secrets, OAuth signing keys): Secrets Officer here only.
resource signingVault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: take('${namePrefix}${environmentName}sg${suffix}', 24)
  location: location
  properties: vaultProperties
}

resource serviceBus 'Microsoft.ServiceBus/namespaces@2022-10-01-preview' = {
  name: '${baseName}-bus-${suffix}'
  location: location
  sku: { name: serviceBusSku, tier: serviceBusSku }
  properties: {
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
    // Standard cannot have a private endpoint, so its public endpoint stays on (Entra ID only, TLS 1.2).
    publicNetworkAccess: serviceBusPrivate ? publicNetworkAccess : 'Enabled'
  }
}

resource topic 'Microsoft.ServiceBus/namespaces/topics@2022-10-01-preview' = {
  parent: serviceBus
  name: eventsTopic
  properties: {
    // The message id is the event id: a relay that publishes an event twice is deduplicated here.
    requiresDuplicateDetection: true
    duplicateDetectionHistoryTimeWindow: 'PT1H'
    defaultMessageTimeToLive: 'P14D'
  }
}

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${baseName}-logs'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: logRetentionDays
  }
}

// The tables the diagnostic settings and the app write to: each kept logTotalRetentionDays in all, the days past
// logRetentionDays in the long-term tier (a fraction of the interactive price; searched with a search job).
var logTables = [
  'AzureDiagnostics' // Key Vault AuditEvent, Service Bus operational logs
  'StorageTableLogs'
  'StorageQueueLogs'
  'StorageBlobLogs'
  'FunctionAppLogs'
  'AppRequests'
  'AppTraces'
  'AppExceptions'
  'AppMetrics'
]

resource logTableRetention 'Microsoft.OperationalInsights/workspaces/tables@2022-10-01' = [for table in logTables: {
  parent: workspace
  name: table
  properties: {
    retentionInDays: logRetentionDays
    totalRetentionInDays: logTotalRetentionDays
  }
}]

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${baseName}-insights'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    // Telemetry only with the app's identity: the connection string's instrumentation key alone writes nothing.
    DisableLocalAuth: true
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${baseName}-plan'
  location: location
  kind: 'functionapp'
  sku: { tier: 'FlexConsumption', name: 'FC1' }
  properties: { reserved: true }
}

// Named ahead so that the app's settings can say its own address (the OAuth issuer) without referring to itself.
var functionAppName = '${baseName}-func-${suffix}'

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: functionAppName
  location: location
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Every outbound call of the app (storage, vaults, Service Bus, webhooks) leaves through this subnet.
    virtualNetworkSubnetId: appSubnet.id
    // Partners with certificate-bound OAuth tokens (RFC 8705) present a client certificate; everyone else presents none.
    // 'Optional' asks for one in the TLS handshake and lets a request without one through; the front end then puts the
    // certificate in X-ARR-ClientCert, overwriting any such header the client sent, which is why the app may trust it
    // here (ClientCertificates__TrustForwardedHeader below) and nowhere else. No exclusion path (not even /api/health,
    // which needs no certificate in this mode anyway): any exclusion path makes the front end renegotiate TLS, which
    // TLS 1.3 and HTTP/2 (http20Enabled) cannot do and which fails request bodies over 100 KB.
    // Flex Consumption: its documented limitations list no restriction on incoming client certificates, and the site
    // properties are accepted on Flex apps (the azurerm provider's Flex resource exposes them); not yet proven on a
    // live Flex deployment, so the first deployment should check that X-ARR-ClientCert arrives.
    clientCertEnabled: true
    clientCertMode: 'Optional'
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      appSettings: [
        // Identity-based storage for the Functions host (triggers, leases) and for the app's own clients.
        { name: 'AzureWebJobsStorage__accountName', value: storage.name }
        { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
        { name: 'AzureWebJobsStorage__clientId', value: identity.properties.clientId }
        { name: 'AzureWebJobsStorage__blobServiceUri', value: storage.properties.primaryEndpoints.blob }
        { name: 'AzureWebJobsStorage__queueServiceUri', value: storage.properties.primaryEndpoints.queue }
        { name: 'AzureWebJobsStorage__tableServiceUri', value: storage.properties.primaryEndpoints.table }
        { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
        { name: 'AZURE_FUNCTIONS_ENVIRONMENT', value: environmentName == 'prod' ? 'Production' : 'Staging' }
        { name: 'Storage__Prefix', value: storagePrefix }
        { name: 'Secrets__KeyVaultUri', value: vault.properties.vaultUri }
        { name: 'Secrets__SigningKeyVaultUri', value: signingVault.properties.vaultUri }
        { name: 'ServiceBus__FullyQualifiedNamespace', value: '${serviceBus.name}.servicebus.windows.net' }
        { name: 'ServiceBus__Topic', value: eventsTopic }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
        { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'ClientId=${identity.properties.clientId};Authorization=AAD' }
        { name: 'Queues__Outbox', value: queueNames[0] }
        { name: 'Queues__Settlement', value: queueNames[1] }
        { name: 'Queues__Payouts', value: queueNames[2] }
        { name: 'Queues__PayoutReports', value: queueNames[3] }
        { name: 'Queues__Webhooks', value: queueNames[4] }
        { name: 'Queues__IntegrationEvents', value: queueNames[5] }
        { name: 'Queues__IdentityVerifications', value: queueNames[6] }
        { name: 'Schedules__PurgeIdempotency', value: '0 */15 * * * *' }
        { name: 'Schedules__SweepOutbox', value: '*/10 * * * * *' }
        { name: 'Schedules__SweepSettlement', value: '*/10 * * * * *' }
        { name: 'Schedules__Reconcile', value: '0 0 * * * *' }
        { name: 'Schedules__Redrive', value: '0 * * * * *' }
        { name: 'Schedules__PayScheduledPayouts', value: '0 * * * * *' }
        { name: 'Schedules__SandboxDisputes', value: '*/10 * * * * *' }
        { name: 'Schedules__RotateSigningKeys', value: '0 17 3 * * *' }
        { name: 'OAuth__Issuer', value: 'https://${functionAppName}.azurewebsites.net/api' }
        // Set only because clientCertEnabled makes the front end own X-ARR-ClientCert (see above).
        { name: 'ClientCertificates__TrustForwardedHeader', value: 'true' }
      ]
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainer}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identity.id
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: { name: 'dotnet-isolated', version: '10.0' }
    }
  }
  dependsOn: [ packageContainer, storageBlobRole ]
}

// ---- Diagnostic settings: every data-plane read, write and delete, and every vault access, to the workspace.

resource vaultLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-workspace'
  scope: vault
  properties: {
    workspaceId: workspace.id
    logs: [ { category: 'AuditEvent', enabled: true } ]
    metrics: [ { category: 'AllMetrics', enabled: true } ]
  }
}

resource signingVaultLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-workspace'
  scope: signingVault
  properties: {
    workspaceId: workspace.id
    logs: [ { category: 'AuditEvent', enabled: true } ]
    metrics: [ { category: 'AllMetrics', enabled: true } ]
  }
}

var storageLogCategories = [ { category: 'StorageRead', enabled: true }, { category: 'StorageWrite', enabled: true }, { category: 'StorageDelete', enabled: true } ]

resource tableLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-workspace'
  scope: tableService
  properties: {
    workspaceId: workspace.id
    logs: storageLogCategories
  }
}

resource queueLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-workspace'
  scope: queueService
  properties: {
    workspaceId: workspace.id
    logs: storageLogCategories
  }
}

resource blobLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-workspace'
  scope: blobService
  properties: {
    workspaceId: workspace.id
    logs: storageLogCategories
  }
}

resource serviceBusLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-workspace'
  scope: serviceBus
  properties: {
    workspaceId: workspace.id
    logs: [ { categoryGroup: 'allLogs', enabled: true } ]
    metrics: [ { category: 'AllMetrics', enabled: true } ]
  }
}

resource appLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-workspace'
  scope: app
  properties: {
    workspaceId: workspace.id
    logs: [ { category: 'FunctionAppLogs', enabled: true } ]
    metrics: [ { category: 'AllMetrics', enabled: true } ]
  }
}

// ---- Alerts: log queries over the app's OpenTelemetry metrics (AppMetrics), requests and the host's traces. Each rule
// gives one value per window; above its threshold it fires and notifies actionGroupId. README's runbook says what to do.

var alertRules = [
  {
    name: 'poison-messages'
    severity: 1
    description: 'A queue message went to a poison queue: a bug, since transient failures are parked, never poisoned.'
    query: 'union isfuzzy=true AppTraces, FunctionAppLogs | where Message has "MaxDequeueCount" and Message has "-poison" | summarize value = count()'
    threshold: 0
    window: 'PT15M'
  }
  {
    name: 'reconciliation-drift'
    severity: 0
    description: 'Reconciliation found a balance that is not the sum of its entries, or a transaction that does not balance.'
    query: 'AppMetrics | where Name == "ef.reconciliation.problems" | summarize value = sum(Sum)'
    threshold: 0
    window: 'PT1H'
  }
  {
    name: 'webhook-failure-rate'
    severity: 2
    description: 'More than a fifth of webhook attempts failed (at least 20 attempts in the window).'
    query: 'AppMetrics | where Name == "ef.webhook.attempts" | summarize total = sum(Sum), failed = sumif(Sum, tostring(Properties.outcome) != "succeeded") | extend value = iff(total < 20, 0.0, 100.0 * failed / total)'
    threshold: 20
    window: 'PT15M'
  }
  {
    name: 'settlement-lag'
    severity: 1
    description: 'A settlement job was applied more than 5 minutes after it fell due.'
    query: 'AppMetrics | where Name == "ef.settlement.lag" | summarize value = max(Max)'
    threshold: 300
    window: 'PT15M'
  }
  {
    name: 'server-error-rate'
    severity: 1
    description: 'More than 1% of API requests answered 5xx (at least 50 requests in the window).'
    query: 'AppMetrics | where Name == "ef.api.request.duration" | summarize total = sum(ItemCount), failed = sumif(ItemCount, toint(Properties.status) >= 500) | extend value = iff(total < 50, 0.0, 100.0 * failed / total)'
    threshold: 1
    window: 'PT15M'
  }
  {
    name: 'audit-write-failed'
    severity: 1
    description: 'An audit line could not be stored (the request itself succeeded): the trail has a gap to explain.'
    query: 'union isfuzzy=true AppTraces, FunctionAppLogs | where Message has "AUDIT WRITE FAILED" | summarize value = count()'
    threshold: 0
    window: 'PT15M'
  }
  {
    // The app only ever inserts audit rows and replaces a head inside a batch: any other change there is someone else. Head
    // replaces are left out in case the logs list a batch's operations one by one (a deleted head still counts).
    name: 'audit-table-changed'
    severity: 0
    description: 'An audit row was updated, merged or deleted outside the app\'s batches: possible tampering; verify the scope.'
    query: 'StorageTableLogs | where OperationName in ("UpdateEntity", "MergeEntity", "DeleteEntity", "InsertOrReplaceEntity", "InsertOrMergeEntity") and Uri has "audit(PartitionKey=" | where not(OperationName in ("UpdateEntity", "InsertOrReplaceEntity") and Uri has "head") | summarize value = count()'
    threshold: 0
    window: 'PT15M'
  }
  {
    // ApiAbuseSignals raises one of ef.api.abuse.{failed_authentication_burst,key_address_spread,volume_jump} per alert;
    // its audit record (action alert.<signal>) and the 'API ABUSE SIGNAL' log line say which address, credential or merchant.
    name: 'api-abuse-signal'
    severity: 2
    description: 'Suspicious API use: a burst of 401s from one address, one credential used from many addresses, or a merchant\'s volume far above its usual.'
    query: 'AppMetrics | where Name startswith "ef.api.abuse." | summarize value = sum(Sum)'
    threshold: 0
    window: 'PT15M'
  }
  {
    name: 'p95-latency'
    severity: 2
    description: 'The 95th percentile of API request time is above 1 second.'
    query: 'AppRequests | where Name !has "health" | summarize value = percentile(DurationMs, 95)'
    threshold: 1000
    window: 'PT15M'
  }
]

resource alerts 'Microsoft.Insights/scheduledQueryRules@2023-03-15-preview' = [for rule in alertRules: {
  name: '${baseName}-${rule.name}'
  location: location
  properties: {
    displayName: '${baseName} ${rule.name}'
    description: rule.description
    severity: rule.severity
    enabled: true
    scopes: [ workspace.id ]
    evaluationFrequency: 'PT5M'
    windowSize: rule.window
    criteria: {
      allOf: [
        {
          query: rule.query
          timeAggregation: 'Maximum'
          metricMeasureColumn: 'value'
          operator: 'GreaterThan'
          threshold: rule.threshold
          failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 }
        }
      ]
    }
    autoMitigate: true
    actions: { actionGroups: empty(actionGroupId) ? [] : [ actionGroupId ] }
  }
}]

// The operator's dashboard: requests, latency, failures, settlement lag, outbox age and webhook outcomes, per merchant.
resource workbook 'Microsoft.Insights/workbooks@2023-06-01' = {
  name: guid(resourceGroup().id, baseName, 'operations-workbook')
  location: location
  kind: 'shared'
  properties: {
    displayName: '${baseName} operations'
    category: 'workbook'
    sourceId: workspace.id
    serializedData: loadTextContent('workbook.json')
  }
}

resource storageBlobRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, roles.storageBlobDataOwner)
  scope: storage
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataOwner)
  }
}

resource storageQueueRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, roles.storageQueueDataContributor)
  scope: storage
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageQueueDataContributor)
  }
}

resource storageTableRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, roles.storageTableDataContributor)
  scope: storage
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageTableDataContributor)
  }
}

resource vaultRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identity.id, roles.keyVaultSecretsUser)
  scope: vault
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
  }
}

resource signingVaultRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(signingVault.id, identity.id, roles.keyVaultSecretsOfficer)
  scope: signingVault
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsOfficer)
  }
}

resource topicRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(topic.id, identity.id, roles.serviceBusDataSender)
  scope: topic
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.serviceBusDataSender)
  }
}

resource insightsRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(insights.id, identity.id, roles.monitoringMetricsPublisher)
  scope: insights
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
  }
}

output functionAppName string = app.name
output functionAppUrl string = 'https://${app.properties.defaultHostName}/api'
output keyVaultUri string = vault.properties.vaultUri
output signingKeyVaultUri string = signingVault.properties.vaultUri
output storageAccountName string = storage.name
output identityClientId string = identity.properties.clientId
@description('The static address webhooks leave from (staticEgressIp), for merchants to allow-list; empty without it.')
output egressIpAddress string = staticEgressIp ? egressIp!.properties.ipAddress : ''
