// EmbeddedFinance on Azure: a Flex Consumption function app (.NET 10 isolated) with its storage account, Key Vault,
// Service Bus topic and Application Insights, reached only through one user-assigned managed identity.
// No account key, connection string with a key, or secret appears in any app setting.

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

@description('Days Log Analytics keeps logs.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

@description('Prefix of the app\'s table names (Storage:Prefix).')
param storagePrefix string = 'ef'

var suffix = uniqueString(resourceGroup().id, environmentName)
var baseName = '${namePrefix}-${environmentName}'
var storageName = toLower(take('${namePrefix}${environmentName}${suffix}', 24))
var deploymentContainer = 'app-package'
var tableNames = [ '${storagePrefix}state', '${storagePrefix}audit', '${storagePrefix}secrets', '${storagePrefix}work' ]
var queueNames = [ 'ef-outbox', 'ef-settlement', 'ef-payouts', 'ef-payout-reports', 'ef-webhooks', 'ef-integration-events' ]
var eventsTopic = 'events'

// Built-in roles: each the narrowest that does the job (BicepTemplateTests checks this list).
var roles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b' // host leases and the deployment package
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88' // triggers and the app's queue writes
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3' // the state, audit, secrets and work tables
  keyVaultSecretsOfficer: 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7' // reads keys, writes and deletes webhook signing secrets
  serviceBusDataSender: '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39' // publish to the events topic only
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb' // telemetry with Entra ID auth
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${baseName}-id'
  location: location
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

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: take('${namePrefix}${environmentName}kv${suffix}', 24)
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
  }
}

resource serviceBus 'Microsoft.ServiceBus/namespaces@2022-10-01-preview' = {
  name: '${baseName}-bus-${suffix}'
  location: location
  sku: { name: 'Standard', tier: 'Standard' }
  properties: {
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
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
        { name: 'Schedules__PurgeIdempotency', value: '0 */15 * * * *' }
        { name: 'Schedules__SweepOutbox', value: '*/10 * * * * *' }
        { name: 'Schedules__SweepSettlement', value: '*/10 * * * * *' }
        { name: 'Schedules__Reconcile', value: '0 0 * * * *' }
        { name: 'Schedules__Redrive', value: '0 * * * * *' }
        { name: 'Schedules__PayScheduledPayouts', value: '0 * * * * *' }
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
  name: guid(vault.id, identity.id, roles.keyVaultSecretsOfficer)
  scope: vault
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
output storageAccountName string = storage.name
output identityClientId string = identity.properties.clientId
