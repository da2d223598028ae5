using 'main.bicep'

param environmentName = 'prod'
param maximumInstanceCount = 200
param instanceMemoryMB = 4096
param logRetentionDays = 90
