using 'main.bicep'

param environmentName = 'prod'
param maximumInstanceCount = 200
param instanceMemoryMB = 4096
// 90 days queryable, 365 in all (PCI DSS 10.5.1): the rest in the long-term tier. See docs/decisions/019.
param logRetentionDays = 90
param logTotalRetentionDays = 365
param staticEgressIp = true
param actionGroupId = readEnvironmentVariable('EF_ACTION_GROUP_ID', '')
