using 'main.bicep'

param environmentName = 'dev'
param maximumInstanceCount = 10
param logRetentionDays = 30
param logTotalRetentionDays = 30
// The one way into dev's storage and vault from outside the VNet: the deployer's public IP, to seed secrets.
param deployerIpAddress = readEnvironmentVariable('EF_DEPLOYER_IP', '')
param actionGroupId = readEnvironmentVariable('EF_ACTION_GROUP_ID', '')
